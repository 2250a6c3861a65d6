"""Headless Chromium through chromium-driver, with axe-core, screenshots and keyboard checks.

Used by journey.py. Needs Debian's `chromium` and `chromium-driver`, PyPI `selenium`, and an axe-core script
(PyPI `axe-playwright-python` ships a current one): `make deps` installs them.
"""

import base64
import importlib.util
import json
import os
import re
import shutil
import sys
import time

# The WCAG 2.0, 2.1 and 2.2 A and AA rules: what UK public-sector services must meet.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe-core before 4.5 has no WCAG 2.2 rules: an older script would pass pages it cannot judge.
AXE_MINIMUM = (4, 5)
# Packages whose wheel ships axe.min.js, tried in order (the second has no Python-version floor).
AXE_PACKAGES = ["axe_selenium_python", "axe_playwright_python"]

MISSING_HINT = "run `make deps` (scripts/install-deps.sh) to install chromium, chromium-driver and the PyPI packages"


class JourneyFailure(Exception):
    """A check that failed: the message says which page and what is wrong."""


def require_tools():
    """Imports selenium and finds chromium, chromedriver and axe-core, or fails naming `make deps`."""
    problems = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        problems.append("PyPI package selenium is missing")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        problems.append("Debian package chromium is missing (no `chromium` on PATH)")
    driver = shutil.which("chromedriver")
    if not driver:
        problems.append("Debian package chromium-driver is missing (no `chromedriver` on PATH)")
    try:
        script = axe_script()
    except JourneyFailure as failure:
        problems.append(str(failure))
        script = None
    if problems:
        raise JourneyFailure("; ".join(problems) + ": " + MISSING_HINT)
    return chromium, driver, script


def axe_script():
    """The path of an axe-core script new enough to know the WCAG 2.2 rules."""
    override = os.environ.get("CDOP_AXE_SCRIPT")
    candidates = [override] if override else []
    for package in AXE_PACKAGES:
        # find_spec does not import the package (axe_playwright_python would import playwright).
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            candidates += [os.path.join(folder, "axe.min.js"), os.path.join(folder, "node_modules", "axe-core", "axe.min.js")]
    found = []
    for path in candidates:
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            head = handle.read(200)
        match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", head)
        version = tuple(int(part) for part in match.groups()) if match else None
        if version is None:
            with open(path, encoding="utf-8") as handle:
                match = re.search(r'version="(\d+)\.(\d+)\.(\d+)"', handle.read())
            version = tuple(int(part) for part in match.groups()) if match else (0, 0, 0)
        if version[:2] >= AXE_MINIMUM:
            return path
        found.append("%s (axe-core %s)" % (path, ".".join(map(str, version))))
    if found:
        raise JourneyFailure("axe-core is too old for WCAG 2.2 (need %d.%d or later): %s" % (AXE_MINIMUM + (", ".join(found),)))
    raise JourneyFailure("no axe-core script found (PyPI axe-playwright-python ships one)")


class Browser:
    """One headless Chromium window of 1280x1000 with its own profile (cookies), driven by chromedriver."""

    def __init__(self, artefacts, label):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        chromium, driver, self.axe_path = require_tools()
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for argument in ("--headless=new", "--no-sandbox", "--window-size=1280,1000", "--disable-gpu",
                         "--disable-dev-shm-usage", "--lang=en-GB", "--force-device-scale-factor=1"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(executable_path=driver), options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        self.artefacts = artefacts
        self.label = label
        with open(self.axe_path, encoding="utf-8") as handle:
            self.axe_source = handle.read()

    def close(self):
        try:
            self.driver.quit()
        except Exception:  # noqa: BLE001 - closing is best effort once the journey has its verdict
            pass

    # Pages

    def open(self, url):
        self.driver.get(url)
        self.wait_for_load()

    def wait_for_load(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.driver.execute_script("return document.readyState") == "complete":
                return
            time.sleep(0.05)
        raise JourneyFailure("%s did not finish loading within %d s" % (self.driver.current_url, timeout))

    def path(self):
        """The page's path, for messages: a practitioner's token is a credential, so it is never shown."""
        from urllib.parse import urlsplit

        return re.sub(r"^/forms/[^/]+", "/forms/<token>", urlsplit(self.driver.current_url).path)

    def text(self):
        return self.driver.find_element("tag name", "body").text

    def submit_with(self, button_text):
        """Clicks the button (or input) showing `button_text` and waits for the next page."""
        button = self.button(button_text)
        old = self.driver.find_element("tag name", "html")
        button.click()
        self.wait_for_new_page(old)

    def button(self, text):
        for element in self.driver.find_elements("css selector", "button, input[type=submit]"):
            shown = (element.text or element.get_attribute("value") or "").strip()
            if shown == text and element.is_displayed():
                return element
        raise JourneyFailure("%s has no button \"%s\"" % (self.path(), text))

    def wait_for_new_page(self, old, timeout=20):
        from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                old.tag_name
            except StaleElementReferenceException:
                self.wait_for_load()
                return
            except WebDriverException as error:
                # Caught between documents, chromium reports the old node as "not belonging to the document"
                # rather than stale: the old page is gone all the same.
                if "does not belong to the document" not in str(error):
                    raise
                self.wait_for_load()
                return
            time.sleep(0.05)
        raise JourneyFailure("no new page within %d s after submitting on %s" % (timeout, self.path()))

    # Artefacts and checks

    def screenshot(self, name):
        """Saves a PNG of the whole page (beyond the window's height) into the artefacts folder."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": max(size["width"], 1280), "height": size["height"], "scale": 1},
        })
        path = os.path.join(self.artefacts, "%s.png" % name)
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        return path

    def axe(self):
        """Runs axe-core on the page with the WCAG A and AA tags; returns its violations."""
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.axe_source)
        options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        results = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, %s).then(function (r) { done(r); }, function (e) { done({error: String(e)}); });" % options)
        if "error" in results:
            raise JourneyFailure("axe-core could not run on %s: %s" % (self.path(), results["error"]))
        return results["violations"]

    def check_accessibility(self):
        violations = self.axe()
        if violations:
            raise JourneyFailure("%s has %d accessibility violation(s):\n%s" % (self.path(), len(violations), describe(violations)))


def describe(violations):
    """One line per offending element: rule id, impact, CSS target, and axe's help text."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(" ".join(part) if isinstance(part, list) else part for part in node["target"])
            lines.append("  - %s [%s] %s: %s" % (violation["id"], violation.get("impact") or "-", target, violation["help"]))
    return "\n".join(lines)


def log(line):
    print(line, flush=True)


def fail(message):
    print("FAIL " + message, file=sys.stderr, flush=True)
    sys.exit(1)
