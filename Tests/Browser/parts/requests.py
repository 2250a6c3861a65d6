"""The coordinator works form requests on their pages, and a practitioner answers "did not know the child".

Requests a form from two agencies; opens the first request and sees its email; sends a reminder now; changes
the contact (the old emailed link no longer opens the form, the new one does); the practitioner's form at
390 px has no sideways scroll, Enter in a text field does not add a service, and "No" to "Did your agency know
the child?" declines it; the request shows declined. The second request is waived with a reason, and its
withdrawal asks for a confirmation first. All by clicking, every page checked by axe."""

import datetime
import email
import email.policy
import os
import time

from browser import JourneyFailure
from mailspool import body_text, form_links
from pages import fill_field, has_errors, type_into

FIRST, SECOND = "Northgate Surgery", "Riverside Health Visiting"
NEW_CONTACT = "new.contact@northgate.example.nhs.uk"


def run(journey):
    coordinator = journey.browser("coordinator")
    username, password = journey.user("coordinator")
    journey.sign_in_as(coordinator, username, password)
    reference = journey.arguments.case[0]
    case_path = open_case(journey, coordinator, reference)
    for agency in (FIRST, SECOND):
        request_form(journey, coordinator, case_path, agency)

    first_request = open_request(journey, coordinator, case_path, FIRST)
    wait_for_page_text(journey, coordinator, "Delivered to the mail server")
    journey.step(coordinator, "request-email", "the request page lists the request email, delivered")
    old_link = wait_for_link(journey, lambda link: "jo@northgate" in link.recipient)

    coordinator.submit_with("Send a reminder now")
    expect_notice(coordinator, "reminder is on its way")
    wait_for_mail(journey, lambda message: message["Subject"].startswith("Reminder:") and "jo@northgate" in message["To"])
    journey.step(coordinator, "reminded", "a reminder was sent now and reached the spool")

    fill_field(coordinator, "contactEmail", NEW_CONTACT)
    coordinator.submit_with("Send to the new contact")
    expect_notice(coordinator, "new contact")
    journey.step(coordinator, "contact-changed", "the request went to a new contact with a new link")
    new_link = wait_for_link(journey, lambda link: NEW_CONTACT in link.recipient)

    practitioner = journey.browser("practitioner")
    practitioner.open(journey.base + old_link.path)
    if "A newer link has been sent" not in practitioner.text():
        raise JourneyFailure("the old link still opens something else: %s" % practitioner.text()[:300])
    journey.step(practitioner, "old-link", "the old link no longer opens the form")
    practitioner.open(journey.base + new_link.path)
    if FIRST.lower() not in practitioner.text().lower():
        raise JourneyFailure("the new link does not open %s's form: %s" % (FIRST, practitioner.text()[:300]))
    prefilled = practitioner.driver.find_element("css selector", "[name='agency-name']").get_attribute("value")
    if prefilled != FIRST:
        raise JourneyFailure("the agency's name is not filled in: %r" % prefilled)
    journey.step(practitioner, "new-link", "the new link opens the form, the agency's name filled in")

    check_phone_width(journey, practitioner)
    check_enter_adds_no_service(journey, practitioner)

    fill_field(practitioner, "child-known-to-agency", "no")
    practitioner.submit_with("Send the form")
    if has_errors(practitioner) or "No information to send" not in practitioner.text():
        raise JourneyFailure("answering No was not taken as a decline: %s" % practitioner.text()[:500])
    journey.step(practitioner, "declined", "\"did not know the child\" declined the form without the other answers")

    coordinator.open(journey.base + first_request)
    details = coordinator.driver.find_element("css selector", "main dl").text.lower()
    if "declined" not in details or "did not know the child" not in details:
        raise JourneyFailure("the request does not show the decline: %s" % details)
    journey.step(coordinator, "request-declined", "the request shows declined: the agency did not know the child")

    open_request(journey, coordinator, case_path, SECOND)
    type_by_id(coordinator, "waive-reason", "Information held by the GP instead")
    coordinator.submit_with("Waive the request")
    expect_notice(coordinator, "waived")
    journey.step(coordinator, "waived", "the second request was waived with a reason")

    type_by_id(coordinator, "withdraw-reason", "Asked in error")
    coordinator.submit_with("Withdraw the request")
    if "Withdraw the request to %s?" % SECOND not in coordinator.text():
        raise JourneyFailure("withdrawing did not ask for a confirmation: %s" % coordinator.text()[:300])
    journey.step(coordinator, "withdraw-confirm", "withdrawing asks for a confirmation, showing the reason")
    coordinator.submit_with("Yes, withdraw the request")
    expect_notice(coordinator, "withdrawn")
    wait_for_mail(journey, lambda message: message["Subject"].startswith("Withdrawn:") and "sam@riverside" in message["To"])
    journey.step(coordinator, "withdrawn", "the request is withdrawn and the agency was told by email")


def open_case(journey, browser, reference):
    browser.open(journey.base + "/cases")
    links = [a for a in browser.driver.find_elements("css selector", "main a") if a.text.strip() == reference]
    if not links:
        raise JourneyFailure("the case list has no link to %s" % reference)
    links[0].click()
    browser.wait_for_load()
    journey.step(browser, "case", "case %s" % reference)
    return browser.path()


def request_form(journey, browser, case_path, agency):
    if browser.path() != case_path:
        browser.open(journey.base + case_path)
    fill_field(browser, "agency", agency)
    fill_field(browser, "due", journey.today + datetime.timedelta(days=28))
    browser.submit_with("Request the form")
    if has_errors(browser):
        raise JourneyFailure("requesting a form from %s was refused: %s" % (agency, browser.text()[:500]))


def open_request(journey, browser, case_path, agency):
    """Clicks the case page's "Open" link on `agency`'s request row; returns the request page's path."""
    browser.open(journey.base + case_path)
    # The request's row (the notification's professionals may name the agency too, without a link).
    rows = [r for r in browser.driver.find_elements("css selector", "main tr")
            if agency in r.text and r.find_elements("css selector", "a[href*='/requests/']")]
    links = rows[0].find_elements("css selector", "a[href*='/requests/']") if rows else []
    if not links:
        raise JourneyFailure("the case page has no link to %s's request" % agency)
    links[0].click()
    browser.wait_for_load()
    journey.step(browser, "request-%s" % agency.split()[0].lower(), "%s's request page" % agency)
    return browser.path()


def type_by_id(browser, field_id, text):
    """Types into the field with this id (the request page's reasons share the name "reason")."""
    type_into(browser.driver.find_element("id", field_id), text)


def expect_notice(browser, words):
    if has_errors(browser) or words.lower() not in browser.text().lower():
        raise JourneyFailure("expected a confirmation mentioning %r: %s" % (words, browser.text()[:500]))


def wait_for_page_text(journey, browser, text, timeout=30):
    deadline = time.monotonic() + timeout
    while text not in browser.text():
        if time.monotonic() >= deadline:
            raise JourneyFailure("%s never showed %r: %s" % (browser.path(), text, browser.text()[:500]))
        time.sleep(0.5)
        browser.open(browser.driver.current_url.split("?")[0])


def wait_for_link(journey, wanted, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        links = [link for link in form_links(journey.arguments.spool) if wanted(link)]
        if links:
            return links[-1]
        if time.monotonic() >= deadline:
            raise JourneyFailure("no such link in the spool: %s" % [l.recipient for l in form_links(journey.arguments.spool)])
        time.sleep(0.25)


def spooled(spool):
    if not os.path.isdir(spool):
        return []
    messages = []
    for name in sorted(os.listdir(spool)):
        if name.endswith(".eml"):
            with open(os.path.join(spool, name), "rb") as handle:
                messages.append(email.message_from_binary_file(handle, policy=email.policy.default))
    return messages


def wait_for_mail(journey, wanted, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in spooled(journey.arguments.spool) if wanted(m)]
        if found:
            return found[-1]
        if time.monotonic() >= deadline:
            subjects = [(m["Subject"], m["To"]) for m in spooled(journey.arguments.spool)]
            raise JourneyFailure("no such email in the spool; it holds %s" % subjects)
        time.sleep(0.25)


def check_phone_width(journey, browser):
    """At 390 px wide the form needs no sideways scrolling."""
    driver = browser.driver
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.open(driver.current_url)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        if width > 390:
            wide = driver.execute_script(
                "return Array.prototype.filter.call(document.querySelectorAll('main *'), function (e) {"
                " return e.getBoundingClientRect().right > 390; }).slice(0, 5).map(function (e) {"
                " return e.tagName + '#' + e.id + '.' + e.className; });")
            raise JourneyFailure("at 390 px the form is %d px wide: %s" % (width, wide))
        journey.step(browser, "form-phone", "at 390 px the form is %d px wide: no sideways scrolling" % width)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.open(driver.current_url)


def check_enter_adds_no_service(journey, browser):
    """Enter in a text field saves a draft; it does not add another service row."""
    from selenium.webdriver.common.keys import Keys

    driver = browser.driver
    rows = lambda: len(driver.find_elements("css selector", "[name^='services-involved['][name$='].service']"))
    before = rows()
    field = driver.find_element("css selector", "[name='completed-by-name']")
    field.clear()
    field.send_keys("Synthetic Practitioner")
    old = driver.find_element("tag name", "html")
    field.send_keys(Keys.ENTER)
    browser.wait_for_new_page(old)
    if rows() != before:
        raise JourneyFailure("Enter in a text field added a service row (%d before, %d after)" % (before, rows()))
    journey.step(browser, "form-enter", "Enter in a text field saved a draft and added no service (%d row)" % before)
