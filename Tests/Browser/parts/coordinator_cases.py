"""The coordinator's cases: find a case by the child's name and by its reference, read the whole notification,
correct the date of death (through its confirmation step) and see the correction in the timeline, refuse an
empty duplicate decision, settle it, then reopen it with a reason. Every step by clicking; axe on every page.

Given: --case REFERENCE twice: the first notified case, then the same death notified again (its possible
duplicate). Both are the fixture notification (Alex Testchild, died 2026-11-14, NHS number 943 476 5919)."""

from browser import JourneyFailure
from pages import check_error_summary, fill_field, has_errors, type_into


def run(journey):
    first, second = journey.arguments.case[0], journey.arguments.case[1]
    browser = journey.browser("coordinator-cases")
    username, password = journey.user("coordinator")
    journey.sign_in_as(browser, username, password, landing="/cases")
    journey.step(browser, "case-list", "the case list with its search form")

    # Find by name: folded as the duplicate matcher folds names (case and spaces do not matter).
    fill_field(browser, "q", "TEST child")
    browser.submit_with("Search")
    found = case_links(browser)
    if first not in found or second not in found:
        raise JourneyFailure("searching for the child's name found %s, not %s and %s" % (found, first, second))
    if "Alex Testchild" not in browser.text():
        raise JourneyFailure("the case list does not show the child's name: %s" % browser.text()[:500])
    journey.step(browser, "search-by-name", "searching \"TEST child\" finds both notifications, named")

    # Find by reference.
    fill_field(browser, "q", first)
    browser.submit_with("Search")
    found = case_links(browser)
    if found != [first]:
        raise JourneyFailure("searching for %s found %s" % (first, found))
    journey.step(browser, "search-by-reference", "searching %s finds that case alone" % first)
    click_link(browser, first)
    journey.step(browser, "case", "the case %s" % first)

    # The whole notification.
    text = browser.text()
    for expected in ("9434765919", "Sam Notifier", "Northam Ambulance Service", "Found unresponsive", "Dr Jo Example",
                     "1 Example Row", "Post-mortem", "Coroner informed"):
        if expected not in text:
            raise JourneyFailure("the case page does not show %r of the notification" % expected)
    journey.step(browser, "notification", "the case page shows the whole notification")

    # Correct the date of death, with a reason, through the confirmation step.
    click_link(browser, "Correct the notification")
    surname = browser.driver.find_element("id", "surname").get_attribute("value")
    if surname != "Testchild":
        raise JourneyFailure("the correction form is not prefilled: surname %r" % surname)
    journey.step(browser, "correction-form", "the correction form, prefilled with the notification")
    fill_field(browser, "dateOfDeath", "2026-11-13")
    browser.submit_with("Save the correction")
    check_error_summary(browser)
    journey.step(browser, "correction-needs-reason", "a correction without a reason is refused, the error beside the field")
    fill_field(browser, "dateOfDeath", "2026-11-13")
    fill_field(browser, "reason", "The hospital's record gives the 13th")
    browser.submit_with("Save the correction")
    text = browser.text()
    if "14 November 2026" not in text or "13 November 2026" not in text:
        raise JourneyFailure("the confirmation step does not say what the date of death moves: %s" % text[:600])
    journey.step(browser, "correction-confirm", "the confirmation step says what the new date of death moves")
    browser.submit_with("Save the correction")
    text = browser.text()
    if "date of death, from 2026-11-14 to 2026-11-13" not in text:
        raise JourneyFailure("the timeline does not show the correction: %s" % text[-1500:])
    journey.step(browser, "corrected", "the timeline says: corrected date of death, from 2026-11-14 to 2026-11-13")

    # The duplicate: an empty decision is refused, then settled, then reopened with a reason.
    search_and_open(browser, second)
    browser.submit_with("Save decision")
    check_error_summary(browser)
    if "Choose whether it is the same death" not in browser.text():
        raise JourneyFailure("an empty duplicate decision was not refused: %s" % browser.text()[:500])
    journey.step(browser, "duplicate-empty", "saving the duplicate decision with nothing chosen is refused")
    fill_field(browser, "decision", "reject")
    browser.submit_with("Save decision")
    if has_errors(browser) or "kept as a separate death" not in browser.text():
        raise JourneyFailure("the different-death decision was not saved: %s" % browser.text()[:500])
    journey.step(browser, "duplicate-settled", "the notification is kept as a separate death")
    type_into(browser.driver.find_element("id", "reopen-duplicate-decision-reason"), "The NHS numbers are the same")
    browser.submit_with("Reopen the decision")
    text = browser.text()
    if "Is it the same death?" not in text or "reopened" not in text:
        raise JourneyFailure("the duplicate decision was not reopened: %s" % text[:600])
    journey.step(browser, "duplicate-reopened", "the settled decision is reopened, to decide again")


def case_links(browser):
    return [a.text.strip() for a in browser.driver.find_elements("css selector", "main table a[href^='/cases/']")]


def click_link(browser, text, where="main a"):
    for link in browser.driver.find_elements("css selector", where):
        if link.text.strip() == text and link.is_displayed():
            old = browser.driver.find_element("tag name", "html")
            link.click()
            browser.wait_for_new_page(old)
            return
    raise JourneyFailure("%s has no link %r" % (browser.path(), text))


def search_and_open(browser, reference):
    click_link(browser, "Cases", where="header a, nav a")
    fill_field(browser, "q", reference)
    browser.submit_with("Search")
    click_link(browser, reference)
