"""Fixtures of the staff pages' browser test: the base URLs of a running front desk (seeded
with `front-desk seed-demo`) and indication and one headless chromium for the whole session, driven by
Selenium through Debian's chromium-driver (browser.py).

scripts/browser-test.sh provides both the front desk and these variables:
  WMO_BASE_URL         e.g. http://127.0.0.1:18080
  WMO_INDICATION_URL   indication (seeded with `indication seed-demo`), e.g. http://127.0.0.1:18081
  WMO_SCREENSHOT_DIR   where the work-list screenshot goes (default docs/screenshots)
  WMO_BROWSER_PID_DIR  where chromedriver.pid and chromium.pid go, for the script's clean-up
"""

import os

import pytest

from browser import Browser


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("WMO_BASE_URL")
    if not url:
        pytest.skip("WMO_BASE_URL is not set: run scripts/browser-test.sh")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def indication_url():
    url = os.environ.get("WMO_INDICATION_URL")
    if not url:
        pytest.skip("WMO_INDICATION_URL is not set: run scripts/browser-test.sh")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def browser():
    chromium = Browser()
    yield chromium
    chromium.close()


@pytest.fixture()
def page(browser):
    tab = browser.page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.environ.get("WMO_SCREENSHOT_DIR", os.path.join(root, "docs", "screenshots"))
