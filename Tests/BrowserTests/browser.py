"""Headless Debian chromium driven through Selenium and Debian's chromium-driver: enough to use
the staff pages like a person would (navigate, type, tick, click, read the page, take a
screenshot).

Clicks are WebDriver element clicks (real mouse events in the middle of the element, refused
when something covers it) and text goes in through the browser's input pipeline, so the pages
are exercised as they are, without JavaScript of their own. Selenium Manager is never used: the
driver is /usr/bin/chromedriver (package chromium-driver, the same version as chromium).
"""

import base64
import os
import shutil
import tempfile

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class BrowserError(RuntimeError):
    pass


def _child_pids(parent):
    """PIDs of the live children of `parent` whose command line names chromium."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        try:
            children = psutil.Process(parent).children()
        except psutil.NoSuchProcess:
            return []
        pids = []
        for child in children:
            try:
                if "chromium" in " ".join(child.cmdline()):
                    pids.append(child.pid)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return pids
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # Fields after "(comm)": state, ppid, ...; comm itself may contain spaces or ')'.
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[1]) == parent and "chromium" in cmdline:
            pids.append(int(entry))
    return pids


class Browser:
    """One headless chromium (through chromedriver) with a private, temporary profile."""

    def __init__(self, binary=CHROMIUM, driver=CHROMEDRIVER, width=1280, height=900, timeout=15):
        for path, package in ((binary, "chromium"), (driver, "chromium-driver")):
            if not os.access(path, os.X_OK):
                raise BrowserError(f"{path} not found (package {package}): run scripts/install-deps.sh --browser")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="wmo-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                    "--hide-scrollbars", "--lang=nl-NL", f"--user-data-dir={self.profile}",
                    f"--window-size={width},{height}"):
            options.add_argument(arg)
        # chromedriver's and chromium's output; chromedriver in a session of its own (and
        # chromium, its child, with it), so a Ctrl-C of the test run reaches pytest only.
        self.log = open(os.path.join(self.profile, "chromedriver.log"), "wb")
        self.service = Service(driver, log_output=self.log, popen_kw={"start_new_session": True})
        try:
            self.driver = webdriver.Chrome(service=self.service, options=options)
        except Exception as error:
            self.log.close()
            raise BrowserError(f"chromium did not start through chromedriver; see {self.log.name}") from error
        self.driver.set_page_load_timeout(timeout)
        self.pid_files = []
        self._record_pids()

    def _record_pids(self):
        """Writes chromedriver's and chromium's PIDs where scripts/browser-test.sh looks for them
        (chromedriver.pid, chromium.pid), so a test run killed hard leaves nothing behind."""
        driver_pid = self.service.process.pid
        chromium = _child_pids(driver_pid)
        if len(chromium) != 1:
            raise BrowserError(f"expected one chromium process under chromedriver {driver_pid}, found {chromium}")
        self.chromium_pid = chromium[0]
        pid_dir = os.environ.get("WMO_BROWSER_PID_DIR")
        if not pid_dir:
            return
        for name, pid in (("chromedriver.pid", driver_pid), ("chromium.pid", self.chromium_pid)):
            path = os.path.join(pid_dir, name)
            with open(path, "w") as f:
                f.write(str(pid))
            self.pid_files.append(path)

    def page(self):
        """The session's one tab (kept from test to test, as a person keeps their browser)."""
        return Page(self.driver, self.timeout)

    def close(self):
        try:
            self.driver.quit()   # ends chromium, then stops chromedriver
        finally:
            self.log.close()
            for path in self.pid_files:
                try:
                    os.remove(path)
                except FileNotFoundError:
                    pass
            shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """The browser's tab, as a person uses it."""

    def __init__(self, driver, timeout=15):
        self.driver = driver
        self.timeout = timeout

    # -- helpers ----------------------------------------------------------------------------

    def _find(self, selector):
        try:
            return self.driver.find_element(By.CSS_SELECTOR, selector)
        except NoSuchElementException:
            raise BrowserError(f"no element {selector}") from None

    def _wait(self, condition, what):
        try:
            return WebDriverWait(self.driver, self.timeout).until(condition)
        except TimeoutException:
            raise BrowserError(f"timed out after {self.timeout} s waiting for {what}") from None

    @staticmethod
    def _replaced(old):
        """A wait condition: `old` (an element) is no longer in the current document. Between
        two documents chromedriver sometimes says so with an inspector error instead of a stale
        element reference; that error means the same."""
        stale = expected_conditions.staleness_of(old)

        def condition(driver):
            try:
                return stale(driver)
            except WebDriverException as error:
                if "does not belong to the document" in (error.msg or ""):
                    return True
                raise

        return condition

    def _status(self):
        """The HTTP status of the current document (after redirects: of the final response)."""
        return self.driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null")

    # -- what a person does -----------------------------------------------------------------

    def goto(self, url):
        """Opens `url` and waits until it has loaded; returns the HTTP status."""
        self.driver.get(url)
        return self._status()

    def evaluate(self, expression):
        """The value of a JavaScript expression (a promise is awaited)."""
        return self.driver.execute_script(f"return (\n{expression}\n);")

    def exists(self, selector):
        return self.driver.execute_script("return document.querySelector(arguments[0]) !== null", selector)

    def text(self, selector):
        value = self.driver.execute_script(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText : null", selector)
        if value is None:
            raise BrowserError(f"no element {selector}")
        return value

    def attribute(self, selector, name):
        return self.driver.execute_script(
            "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null",
            selector, name)

    def url(self):
        return self.driver.current_url

    def click(self, selector):
        """A left click in the middle of the element."""
        self._find(selector).click()

    def click_and_wait(self, selector):
        """Clicks (a link or submit button) and waits for the next page; returns its status."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.click(selector)
        self._wait(self._replaced(old), f"a new page after clicking {selector}")
        self._wait(lambda d: d.execute_script("return document.readyState") == "complete",
                   f"the page after clicking {selector} to load")
        return self._status()

    def type(self, selector, text, clear=True):
        """Focuses the field by clicking it and types `text` (replacing what was there).

        The text goes in as one edit of the browser's input pipeline (DevTools
        Input.insertText, as a paste or an input method would): WebDriver's key-by-key
        send_keys needs some 10 s for the 4001 characters of the oversized-text test."""
        field = self._find(selector)
        field.click()
        if clear:
            self.driver.execute_script("arguments[0].select()", field)
            field.send_keys(Keys.BACKSPACE)
        if text:
            self.driver.execute_cdp_cmd("Input.insertText", {"text": text})

    def is_checked(self, selector):
        return self._find(selector).is_selected()

    def check(self, selector, checked=True):
        """Ticks or unticks a checkbox (or picks a radio button) by clicking it."""
        if self.is_checked(selector) != checked:
            self.click(selector)
        if self.is_checked(selector) != checked:
            raise BrowserError(f"could not set {selector} to {checked}")

    def select(self, selector, value):
        """Chooses the option with `value` of a select, as a person's choice would."""
        Select(self._find(selector)).select_by_value(value)

    def screenshot(self, path, full_page=True):
        """Writes a PNG of the page (the whole page, not only the window)."""
        params = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", params)["data"]
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def cookies(self):
        """The cookies of the current page: dicts with name, value, httpOnly, sameSite, ..."""
        return self.driver.get_cookies()

    def close(self):
        """Nothing to release: the tab belongs to the session's browser."""
