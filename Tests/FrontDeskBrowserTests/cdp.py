"""A small Chrome DevTools Protocol client: enough to drive headless Debian chromium like a
person would (navigate, type, tick, click, read the page, take a screenshot).

Clicks are real mouse events at the element's position and typing goes through the input
pipeline, so the pages are exercised as they are without JavaScript of their own.
"""

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request

import websocket


class CDPError(RuntimeError):
    pass


class Chromium:
    """A headless chromium process with a private profile, on a port it picks itself."""

    def __init__(self, binary=None, width=1280, height=900):
        self.binary = binary or shutil.which("chromium") or shutil.which("chromium-browser")
        if not self.binary:
            raise CDPError("chromium not found: run scripts/install-deps.sh --browser")
        self.profile = tempfile.mkdtemp(prefix="wmo-chromium-")
        args = [
            self.binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--hide-scrollbars", "--lang=nl-NL", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
            "about:blank",
        ]
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        pid_dir = os.environ.get("WMO_BROWSER_PID_DIR")
        if pid_dir:
            with open(os.path.join(pid_dir, "chromium.pid"), "w") as f:
                f.write(str(self.process.pid))
        self.port = self._wait_for_port()

    def _wait_for_port(self, timeout=30):
        marker = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise CDPError(f"chromium exited with {self.process.returncode}; see {self.log.name}")
            try:
                with open(marker) as f:
                    port = int(f.readline().strip())
                return port
            except (FileNotFoundError, ValueError):
                time.sleep(0.1)
        raise CDPError("chromium did not open its debugging port")

    def page(self):
        """Connects to the first page target."""
        deadline = time.time() + 10
        while time.time() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list") as response:
                targets = json.load(response)
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return Page(pages[0]["webSocketDebuggerUrl"])
            time.sleep(0.1)
        raise CDPError("no page target")

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab, driven over its DevTools websocket."""

    def __init__(self, url, timeout=15):
        self.timeout = timeout
        self.ws = websocket.create_connection(url, timeout=timeout, suppress_origin=True)
        self.next_id = 0
        self.responses = {}
        self.events = queue.Queue()
        self.lock = threading.Lock()
        self.cond = threading.Condition(self.lock)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.last_status = None
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Network.enable")

    # -- protocol ---------------------------------------------------------------------------

    def _read(self):
        while True:
            try:
                message = json.loads(self.ws.recv())
            except Exception:
                with self.cond:
                    self.responses[None] = CDPError("websocket closed")
                    self.cond.notify_all()
                return
            if "id" in message:
                with self.cond:
                    self.responses[message["id"]] = message
                    self.cond.notify_all()
            else:
                if message.get("method") == "Network.responseReceived":
                    params = message["params"]
                    if params.get("type") == "Document":
                        self.last_status = params["response"]["status"]
                self.events.put(message)

    def call(self, method, **params):
        with self.cond:
            self.next_id += 1
            call_id = self.next_id
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        deadline = time.time() + self.timeout
        with self.cond:
            while call_id not in self.responses:
                if None in self.responses:
                    raise self.responses[None]
                remaining = deadline - time.time()
                if remaining <= 0:
                    raise CDPError(f"{method}: no answer in {self.timeout} s")
                self.cond.wait(remaining)
            message = self.responses.pop(call_id)
        if "error" in message:
            raise CDPError(f"{method}: {message['error']}")
        return message.get("result", {})

    def _drain(self):
        while True:
            try:
                self.events.get_nowait()
            except queue.Empty:
                return

    def _wait_for(self, method, timeout=None):
        deadline = time.time() + (timeout or self.timeout)
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise CDPError(f"timed out waiting for {method}")
            try:
                event = self.events.get(timeout=remaining)
            except queue.Empty:
                continue
            if event.get("method") == method:
                return event

    # -- what a person does -----------------------------------------------------------------

    def goto(self, url):
        """Opens `url` and waits until it has loaded; returns the HTTP status."""
        self._drain()
        self.last_status = None
        result = self.call("Page.navigate", url=url)
        if result.get("errorText"):
            raise CDPError(f"navigate {url}: {result['errorText']}")
        self._wait_for("Page.loadEventFired")
        return self.last_status

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise CDPError(f"evaluate {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def exists(self, selector):
        return self.evaluate(f"document.querySelector({json.dumps(selector)}) !== null")

    def text(self, selector):
        value = self.evaluate(
            f"(e => e ? e.innerText : null)(document.querySelector({json.dumps(selector)}))")
        if value is None:
            raise CDPError(f"no element {selector}")
        return value

    def attribute(self, selector, name):
        return self.evaluate(
            f"(e => e ? e.getAttribute({json.dumps(name)}) : null)(document.querySelector({json.dumps(selector)}))")

    def url(self):
        return self.evaluate("location.href")

    def _center(self, selector):
        box = self.evaluate(
            "(e => { if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}; })"
            f"(document.querySelector({json.dumps(selector)}))")
        if box is None:
            raise CDPError(f"no element {selector}")
        if box["w"] == 0 or box["h"] == 0:
            raise CDPError(f"element {selector} is not visible")
        return box["x"], box["y"]

    def click(self, selector):
        """A left click in the middle of the element, as mouse events."""
        x, y = self._center(selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def click_and_wait(self, selector):
        """Clicks (a link or submit button) and waits for the next page; returns its status."""
        self._drain()
        self.last_status = None
        self.click(selector)
        self._wait_for("Page.loadEventFired")
        return self.last_status

    def type(self, selector, text, clear=True):
        """Focuses the field by clicking it and types `text` (replacing what was there)."""
        self.click(selector)
        if clear:
            self.evaluate(f"document.querySelector({json.dumps(selector)}).select()")
            self.call("Input.dispatchKeyEvent", type="keyDown", key="Backspace", code="Backspace",
                      windowsVirtualKeyCode=8)
            self.call("Input.dispatchKeyEvent", type="keyUp", key="Backspace", code="Backspace",
                      windowsVirtualKeyCode=8)
        if text:
            self.call("Input.insertText", text=text)

    def is_checked(self, selector):
        return self.evaluate(f"document.querySelector({json.dumps(selector)}).checked")

    def check(self, selector, checked=True):
        """Ticks or unticks a checkbox (or picks a radio button) by clicking it."""
        if self.is_checked(selector) != checked:
            self.click(selector)
        if self.is_checked(selector) != checked:
            raise CDPError(f"could not set {selector} to {checked}")

    def select(self, selector, value):
        """Chooses an option of a select (keyboard-free: sets it as a person's choice would)."""
        self.evaluate(
            f"(s => {{ s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change', {{bubbles: true}})); }})"
            f"(document.querySelector({json.dumps(selector)}))")

    def screenshot(self, path, full_page=True):
        """Writes a PNG of the page (the whole page, not only the window)."""
        params = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            metrics = self.call("Page.getLayoutMetrics")
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", **params)["data"]
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def cookies(self):
        return self.call("Network.getCookies")["cookies"]

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
