#!/usr/bin/env python3
"""The real-browser journey through cdop's web pages, with axe-core on every page.

A notifier tells the panel of a death on the public page; the coordinator signs in and requests the
reporting form (Form B) from two agencies; the first agency's practitioner opens the link from the spooled
email, saves a draft, and sends the form; the coordinator sees the request returned. After every page load
axe-core checks WCAG 2.0/2.1/2.2 A and AA and the page is saved as a full-page PNG into --artefacts.
The notification page is also checked for keyboard use, and wrong submissions for an error summary that
links to each field.

  python3 Tests/Browser/journey.py --base http://127.0.0.1:8080 --spool var/outbox --artefacts /tmp/shots \\
      --coordinator casey --password PASSWORD [--new-password NEW] [--agency "Name"]...

  python3 Tests/Browser/journey.py --part NAME --base URL --spool DIR --artefacts DIR \\
      --user ROLE=USERNAME:PASSWORD [--user ...] [--case REFERENCE]...   # one role's journey, Tests/Browser/parts/NAME.py

  python3 Tests/Browser/journey.py --check-page URL --artefacts DIR   # axe and a screenshot of one page

Prints one line per step; exits 0 only if every check passed.
"""

import argparse
import datetime
import importlib
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from browser import Browser, JourneyFailure, fail, log, require_tools  # noqa: E402
from mailspool import form_links  # noqa: E402
from pages import SYNTHETIC_TEXT, answer_required_fields, check_error_summary, check_keyboard, fill_field, has_errors  # noqa: E402


def notification_answers(today):
    """A complete notification with synthetic details, by the field ids of Forms/notification.yaml."""
    return [
        ("notifier-name", "Sam Synthetic"),
        ("notifier-role", "Paramedic"),
        ("notifier-organisation", "Synthetic Ambulance Service"),
        ("notifier-email", "sam.synthetic@example.nhs.uk"),
        ("date-notified", today),
        ("child-forenames", "Alex"),
        ("child-surname", "Testchild"),
        ("child-date-of-birth", today - datetime.timedelta(days=400)),
        ("child-sex", "female"),
        ("child-nhs-number-status", "notCurrentlyAvailable"),
        ("child-ethnicity", "notKnown"),
        ("date-of-death", today - datetime.timedelta(days=1)),
        ("place-of-death", "hospitalEmergencyDepartment"),
        ("birth-status", "liveBorn"),
        ("reported-expectation", "unexpected"),
        ("post-mortem", "notKnown"),
        ("coroner-informed", "yes"),
        ("residence-area-code", "NTH"),
        ("area-of-death-code", "NTH"),
        ("circumstances", "Synthetic circumstances written by the browser test."),
    ]


class Journey:
    def __init__(self, arguments):
        self.arguments = arguments
        self.base = arguments.base.rstrip("/")
        self.today = datetime.date.today()
        self.browsers = []
        self.step_number = 0

    def browser(self, label):
        browser = Browser(self.arguments.artefacts, label)
        self.browsers.append(browser)
        return browser

    def step(self, browser, name, summary):
        """Checks the page now shown with axe, keeps its screenshot, and prints the step's line."""
        self.step_number += 1
        shot = browser.screenshot("%02d-%s" % (self.step_number, name))
        browser.check_accessibility()
        log("ok %02d %s: %s (%s, no axe violations, %s)" % (
            self.step_number, name, summary, browser.path(), os.path.basename(shot)))

    def run(self):
        try:
            coordinator = self.browser("coordinator")
            self.notify()
            self.sign_in(coordinator)
            case_path = self.open_case(coordinator)
            agencies = self.request_forms(coordinator, case_path)
            link = self.read_link()
            answering = self.complete_form(link, agencies)
            self.see_returned(coordinator, case_path, [answering] + [a for a in agencies if a != answering])
        finally:
            for browser in self.browsers:
                browser.close()

    # The notifier

    def notify(self):
        public = self.browser("notifier")
        public.open(self.base + "/notify")
        stops = check_keyboard(public)
        self.step(public, "notify-form", "keyboard reaches the first field in %d Tab stops (%s), focus visible" % (
            len(stops), " → ".join(stops)))
        public.submit_with("Send the notification")
        linked = check_error_summary(public, minimum_links=3)
        self.step(public, "notify-errors", "an empty submission shows an error summary linking to %d fields" % len(linked))
        for field, value in notification_answers(self.today):
            fill_field(public, field, value)
        public.submit_with("Send the notification")
        if has_errors(public):
            raise JourneyFailure("the complete notification was refused: %s" % public.text()[:500])
        self.step(public, "notify-sent", "the notification was accepted")

    # The coordinator

    def sign_in(self, browser):
        self.sign_in_as(browser, self.arguments.coordinator, self.arguments.password, code=self.arguments.code)
        self.step(browser, "dashboard", "signed in as the coordinator")

    def sign_in_as(self, browser, username, password, code=None, landing="/dashboard"):
        """Signs `username` in on /sign-in, changing the one-time password when the first sign-in asks for a new
        one (to --new-password), and opens `landing`. Returns the password that now works."""
        browser.open(self.base + "/sign-in")
        self.step(browser, "sign-in", "the sign-in page (%s)" % username)
        self.submit_sign_in(browser, username, password, code)
        if browser.driver.find_elements("css selector", "input[type=password][name*=new]"):
            # The first sign-in asks for a new password: the current one, then the new one twice.
            self.step(browser, "change-password", "the first sign-in asks %s for a new password" % username)
            for field in browser.driver.find_elements("css selector", "main input[type=password]"):
                name = field.get_attribute("name") or ""
                field.clear()
                field.send_keys(password if "current" in name else self.arguments.new_password)
            browser.submit_with(browser.driver.find_element("css selector", "main form button[type=submit], main form button:not([type])").text.strip())
            if has_errors(browser):
                raise JourneyFailure("the new password was refused: %s" % browser.text()[:300])
            self.step(browser, "password-changed", "the password was changed")
            password = self.arguments.new_password
            if browser.path().startswith("/sign-in"):
                # Changing the password ended the session: sign in with the new one.
                self.submit_sign_in(browser, username, password, code)
        browser.open(self.base + landing)
        if not browser.path().startswith(landing):
            raise JourneyFailure("after signing in, %s sent %s to %s" % (landing, username, browser.path()))
        return password

    def submit_sign_in(self, browser, username, password, code=None):
        fill_field(browser, "username", username)
        fill_field(browser, "password", password)
        if code:
            fill_field(browser, "code", code)
        browser.submit_with(self.arguments.sign_in_button)
        if browser.path().startswith("/sign-in") and has_errors(browser):
            raise JourneyFailure("signing in as %s was refused: %s" % (username, browser.text()[:300]))

    def user(self, role):
        """(username, password) given for `role` by --user ROLE=USERNAME:PASSWORD."""
        for given in self.arguments.user or []:
            named, _, account = given.partition("=")
            if named == role:
                username, _, password = account.partition(":")
                return username, password
        raise JourneyFailure("no --user %s=USERNAME:PASSWORD given" % role)

    def open_case(self, browser):
        deadline = time.monotonic() + 10
        while True:
            links = [a for a in browser.driver.find_elements("css selector", "main a[href*='/cases/']") if a.is_displayed()]
            if links or time.monotonic() >= deadline:
                break
            time.sleep(0.5)
            browser.open(self.base + "/dashboard")
        if not links:
            raise JourneyFailure("the dashboard lists no case after the notification: %s" % browser.text()[:500])
        links[0].click()
        browser.wait_for_load()
        self.step(browser, "case", "the notified case")
        return browser.path()

    def request_forms(self, browser, case_path):
        agencies = self.arguments.agency or []
        if not agencies:
            agencies = browser.driver.execute_script(
                "var s = document.querySelector('select[name=agency]'); if (!s) return [];"
                "return Array.prototype.filter.call(s.options, function (o) { return o.value; })"
                ".slice(0, 2).map(function (o) { return o.text.trim(); });")
        if len(agencies) < 2:
            raise JourneyFailure("the case page offers fewer than two agencies to ask: %s" % agencies)
        for number, agency in enumerate(agencies[:2], start=1):
            if browser.path() != case_path:
                browser.open(self.base + case_path)
            fill_field(browser, "agency", agency)
            fill_field(browser, "form", self.arguments.form)
            contact = self.arguments.contact[number - 1] if self.arguments.contact and len(self.arguments.contact) >= number else None
            if contact:
                fill_field(browser, "contact", contact)
            fill_field(browser, "due", self.today + datetime.timedelta(days=28))
            browser.submit_with("Request the form")
            if has_errors(browser):
                raise JourneyFailure("requesting %s from %s was refused: %s" % (self.arguments.form, agency, browser.text()[:500]))
            self.step(browser, "requested-%d" % number, "%s requested from %s" % (self.arguments.form, agency))
        return agencies[:2]

    def read_link(self):
        deadline = time.monotonic() + self.arguments.mail_timeout
        while True:
            links = form_links(self.arguments.spool)
            if len(links) >= 2 or (links and time.monotonic() >= deadline):
                break
            if time.monotonic() >= deadline:
                raise JourneyFailure("no email with a /forms/ link reached %s within %d s" % (
                    self.arguments.spool, self.arguments.mail_timeout))
            time.sleep(0.25)
        if len(links) < 2:
            raise JourneyFailure("%d request email(s) with a /forms/ link in %s, expected 2" % (len(links), self.arguments.spool))
        log("ok    mail: %d request emails with a practitioner link in the spool" % len(links))
        return links[0]

    # The practitioner

    def complete_form(self, link, agencies):
        """Opens the first emailed link, checks errors, saves a draft, sends the form; returns the agency asked."""
        practitioner = self.browser("practitioner")
        practitioner.open(self.base + link.path)
        heading = practitioner.driver.find_element("css selector", "main").text.split("\n")[0]
        named = [agency for agency in agencies if agency.lower() in heading.lower()]
        if len(named) != 1:
            raise JourneyFailure("the practitioner's page does not name which agency is asked: %r" % heading)
        self.step(practitioner, "form", "%s's form from the emailed link" % named[0])
        practitioner.submit_with("Send the form")
        linked = check_error_summary(practitioner)
        self.step(practitioner, "form-errors", "sending it empty shows an error summary linking to %d fields" % len(linked))
        answer_required_fields(practitioner, linked, self.today)
        practitioner.submit_with("Save a draft")
        if has_errors(practitioner):
            raise JourneyFailure("saving a draft was refused: %s" % practitioner.text()[:500])
        self.step(practitioner, "form-draft", "a draft was saved")
        practitioner.open(self.base + link.path)
        kept = practitioner.driver.execute_script(
            "var answer = arguments[0];"
            "return Array.prototype.some.call(document.querySelectorAll('input, textarea'),"
            " function (f) { return f.value === answer; });", SYNTHETIC_TEXT)
        if not kept:
            raise JourneyFailure("the saved draft's answers are not shown when the link is opened again")
        for _ in range(4):
            practitioner.submit_with("Send the form")
            if not has_errors(practitioner):
                break
            # Answers can reveal questions (show-if): answer what is still asked for.
            answer_required_fields(practitioner, check_error_summary(practitioner), self.today)
        else:
            raise JourneyFailure("the form was still refused after four tries: %s" % practitioner.text()[:500])
        self.step(practitioner, "form-sent", "the form was sent")
        return named[0]

    def see_returned(self, browser, case_path, agencies):
        """The dashboard shows the first agency's request returned (or no longer outstanding, while the second
        agency's still is), and the case page shows it returned."""
        returned, waiting = agencies[0].lower(), agencies[1].lower()
        deadline = time.monotonic() + 15
        while True:
            browser.open(self.base + "/dashboard")
            rows = request_rows(browser)
            shown_returned = any(returned in row and "returned" in row for row in rows)
            left_outstanding = not any(returned in row for row in rows) and any(waiting in row for row in rows)
            if shown_returned or left_outstanding:
                break
            if time.monotonic() >= deadline:
                raise JourneyFailure("the dashboard does not show %s's form returned: %s" % (agencies[0], rows))
            time.sleep(0.5)
        self.step(browser, "dashboard-returned", "the dashboard shows %s's request %s, %s's still due" % (
            agencies[0], "returned" if shown_returned else "no longer outstanding", agencies[1]))
        browser.open(self.base + case_path)
        if not any(returned in row and "returned" in row for row in request_rows(browser)):
            raise JourneyFailure("the case page does not show %s's request as returned: %s" % (agencies[0], request_rows(browser)))
        self.step(browser, "case-returned", "the case shows %s's form returned" % agencies[0])


def request_rows(browser):
    """The text of each table row and list item in the page's main content, in lower case."""
    return browser.driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('main tr, main li'),"
        " function (r) { return r.innerText.toLowerCase(); });")


def run_part(arguments):
    """Runs Tests/Browser/parts/NAME.py's run(journey), closing every browser it opened."""
    part = importlib.import_module("parts." + arguments.part)
    journey = Journey(arguments)
    try:
        part.run(journey)
    finally:
        for browser in journey.browsers:
            browser.close()


def check_page(arguments):
    """Loads one page, keeps its screenshot, and fails listing its axe violations."""
    browser = Browser(arguments.artefacts, "check")
    try:
        browser.open(arguments.check_page)
        shot = browser.screenshot("page")
        browser.check_accessibility()
        log("ok page: no axe violations (%s)" % os.path.basename(shot))
    finally:
        browser.close()


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="the server's address, e.g. http://127.0.0.1:8080")
    parser.add_argument("--spool", help="the folder the server spools its .eml files into")
    parser.add_argument("--artefacts", help="where screenshots go (created if missing)")
    parser.add_argument("--coordinator", help="the coordinator's username")
    parser.add_argument("--password", help="the coordinator's password")
    parser.add_argument("--new-password", default="Browser-journey-new-password-42",
                        help="set if the first sign-in asks for a new password")
    parser.add_argument("--code", help="the coordinator's second-factor code, if the account has one")
    parser.add_argument("--sign-in-button", default="Sign in", help="the sign-in page's button text")
    parser.add_argument("--agency", action="append", help="an agency to ask, by its name in the list (twice)")
    parser.add_argument("--contact", action="append", help="the practitioner's email for each agency, in order")
    parser.add_argument("--form", default="reporting", help="the form to request, by value or shown text")
    parser.add_argument("--mail-timeout", type=int, default=30, help="seconds to wait for the request emails")
    parser.add_argument("--check-page", help="only check this one page (axe and a screenshot)")
    parser.add_argument("--part", help="run one role's journey: Tests/Browser/parts/PART.py")
    parser.add_argument("--user", action="append", help="ROLE=USERNAME:PASSWORD, for --part (repeatable)")
    parser.add_argument("--case", action="append", help="a case reference a part works on (repeatable)")
    parser.add_argument("--preflight", action="store_true",
                        help="only check that chromium, chromium-driver, selenium and axe-core are installed")
    arguments = parser.parse_args(argv)
    if arguments.preflight:
        return arguments
    if arguments.check_page:
        needed = ("artefacts",)
    elif arguments.part:
        needed = ("base", "spool", "artefacts", "user")
    else:
        needed = ("base", "spool", "artefacts", "coordinator", "password")
    missing = [name for name in needed if not getattr(arguments, name)]
    if missing:
        parser.error("give " + ", ".join("--" + name for name in missing))
    os.makedirs(arguments.artefacts, exist_ok=True)
    return arguments


def main(argv):
    arguments = parse(argv)
    started = time.monotonic()
    try:
        if arguments.preflight:
            chromium, driver, script = require_tools()
            log("ok tools: %s, %s, axe-core from %s" % (chromium, driver, script))
            return
        if arguments.check_page:
            check_page(arguments)
        elif arguments.part:
            run_part(arguments)
        else:
            Journey(arguments).run()
    except JourneyFailure as failure:
        fail(str(failure))
    log("passed in %.1f s; screenshots in %s" % (time.monotonic() - started, os.path.abspath(arguments.artefacts)))


if __name__ == "__main__":
    main(sys.argv[1:])
