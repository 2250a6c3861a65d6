"""Meetings, the agency directory and the designated doctor's rapid response, by clicking.

The coordinator schedules a panel meeting (a javascript: call link refused first), invites someone and takes
the invitation back, lists a case whose form is still outstanding (warned when choosing it and on the agenda),
is refused a move into the past, opens the agenda pack, waives the outstanding form, takes the case off the
agenda and cancels the meeting (confirmed, with a reason), then changes one agency and retires another. The designated doctor convenes the rapid-response meeting of the second case, records it
held on the meeting's page, sees it held on the rapid-response page, and completes the Joint Agency Response.

Needs --user coordinator=... --user designated-doctor=... and --case LISTED --case RAPID (references).
"""

import datetime

from browser import JourneyFailure
from pages import fill_field, has_errors


def run(journey):
    listed, rapid = journey.arguments.case[0], journey.arguments.case[1]
    coordinator = journey.browser("coordinator")
    username, password = journey.user("coordinator")
    journey.sign_in_as(coordinator, username, password, landing="/meetings")
    journey.step(coordinator, "meetings", "the meetings page")
    schedule_panel(journey, coordinator)
    invite_and_uninvite(journey, coordinator)
    list_with_outstanding_form(journey, coordinator, listed)
    move_into_the_past(journey, coordinator)
    agenda_pack(journey, coordinator, listed)
    waive_outstanding(journey, coordinator)
    remove_and_cancel(journey, coordinator, listed)
    agencies(journey, coordinator)

    doctor = journey.browser("designated-doctor")
    username, password = journey.user("designated-doctor")
    journey.sign_in_as(doctor, username, password, landing="/rapid-responses")
    journey.step(doctor, "rapid-responses", "the designated doctor's rapid responses")
    rapid_response(journey, doctor, rapid)


def set_value(browser, field_id, value):
    """Sets an input a person fills with a picker (datetime-local) the way the picker does."""
    element = browser.driver.find_element("id", field_id)
    browser.driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def expect_text(browser, text, what):
    if text not in browser.text():
        raise JourneyFailure("%s: %s (no \"%s\" in: %s)" % (browser.path(), what, text, browser.text()[:800]))


def expect_refused(browser, text, what):
    if not has_errors(browser):
        raise JourneyFailure("%s: %s was not refused" % (browser.path(), what))
    expect_text(browser, text, what)


def local(moment):
    return moment.strftime("%Y-%m-%dT%H:%M")


def click_link(browser, text):
    links = [a for a in browser.driver.find_elements("partial link text", text) if a.is_displayed()]
    if not links:
        raise JourneyFailure("%s has no link \"%s\"" % (browser.path(), text))
    old = browser.driver.find_element("tag name", "html")
    links[0].click()
    browser.wait_for_new_page(old)


# The coordinator

def schedule_panel(journey, browser):
    fill_field(browser, "type", "panel")
    fill_field(browser, "title", "December panel")
    set_value(browser, "starts", local(datetime.datetime.now() + datetime.timedelta(days=10)))
    fill_field(browser, "place", "Committee room 2, Town Hall")
    fill_field(browser, "call-link", "javascript:alert(1)")
    browser.submit_with("Schedule the meeting")
    expect_refused(browser, "must be a web address", "a javascript: call link")
    journey.step(browser, "bad-call-link", "a javascript: call link is refused beside its field")
    fill_field(browser, "call-link", "https://meet.example.org/december-panel")
    set_value(browser, "starts", local(datetime.datetime.now() + datetime.timedelta(days=10)))
    browser.submit_with("Schedule the meeting")
    if has_errors(browser) or not browser.path().startswith("/meetings/"):
        raise JourneyFailure("the panel meeting was not scheduled: %s" % browser.text()[:500])
    expect_text(browser, "No one has been invited", "a new meeting has no invitee")
    journey.step(browser, "meeting-scheduled", "the panel meeting, no one invited yet")


def invite_and_uninvite(journey, browser):
    fill_field(browser, "invitee-name", "Morgan Chair")
    fill_field(browser, "invitee-email", "morgan.chair@cdop.example.gov.uk")
    fill_field(browser, "invitee-role", "chair")
    browser.submit_with("Invite")
    if has_errors(browser):
        raise JourneyFailure("the invitation was refused: %s" % browser.text()[:500])
    expect_text(browser, "Morgan Chair", "the invitee is listed")
    journey.step(browser, "invited", "Morgan Chair invited")
    browser.submit_with("Withdraw the invitation to Morgan Chair")
    expect_text(browser, "No one has been invited", "the invitation was withdrawn")
    journey.step(browser, "uninvited", "the invitation withdrawn")


def list_with_outstanding_form(journey, browser, reference):
    select = browser.driver.find_element("id", "case")
    label = [o.text for o in select.find_elements("tag name", "option") if reference in o.text]
    if not label or "forms outstanding from Northgate Surgery" not in label[0]:
        raise JourneyFailure("the case to list does not warn of its outstanding form: %s" % label)
    fill_field(browser, "case", label[0])
    browser.submit_with("List the case")
    expect_text(browser, "Forms still outstanding from Northgate Surgery", "the agenda warns of the outstanding form")
    journey.step(browser, "listed-outstanding", "%s listed, its outstanding form named on the agenda" % reference)


def move_into_the_past(journey, browser):
    set_value(browser, "starts", local(datetime.datetime.now() - datetime.timedelta(days=1)))
    browser.submit_with("Move the meeting")
    expect_refused(browser, "is in the past", "a move into the past")
    journey.step(browser, "move-refused", "moving the meeting into the past is refused")


def agenda_pack(journey, browser, reference):
    click_link(browser, "Open the agenda pack to print")
    expect_text(browser, reference, "the pack holds the listed case")
    if "Testchild" in browser.text():
        raise JourneyFailure("the agenda pack names the child")
    journey.step(browser, "agenda-pack", "the agenda pack, pseudonymised")
    click_link(browser, "Back to the meeting")


def waive_outstanding(journey, browser):
    browser.submit_with("Waive Northgate Surgery's form")
    expect_refused(browser, "Enter why the form is no longer needed", "a waiver without a reason")
    field = browser.driver.find_elements("css selector", "input[id^='waive-']")[0]
    field.clear()
    field.send_keys("The surgery never saw the child")
    browser.submit_with("Waive Northgate Surgery's form")
    if "Forms still outstanding" in browser.text():
        raise JourneyFailure("the waived form is still outstanding: %s" % browser.text()[:500])
    journey.step(browser, "waived", "the outstanding form waived from the agenda")


def remove_and_cancel(journey, browser, reference):
    browser.submit_with("Remove %s from the agenda" % reference)
    expect_text(browser, "No case is on the agenda yet", "the case taken off the agenda")
    journey.step(browser, "removed", "%s taken off the agenda" % reference)
    fill_field(browser, "cancel-reason", "The panel's cases are not ready")
    browser.submit_with("Cancel the meeting")
    expect_refused(browser, "Confirm that the meeting is to be cancelled", "cancelling without confirming")
    journey.step(browser, "cancel-unconfirmed", "cancelling asks for a confirmation")
    fill_field(browser, "cancel-confirm", "yes")
    browser.submit_with("Cancel the meeting")
    expect_text(browser, "The meeting has been cancelled", "the meeting cancelled")
    expect_text(browser, "The panel's cases are not ready", "the reason shown")
    journey.step(browser, "cancelled", "the meeting cancelled with its reason")


def agencies(journey, browser):
    browser.open(journey.base + "/agencies")
    click_link(browser, "Riverside Health Visiting")
    journey.step(browser, "agency", "an agency's page")
    fill_field(browser, "name", "Riverside Health Visiting Service")
    fill_field(browser, "contact-email", "lead@riverside.example.nhs.uk")
    browser.submit_with("Save the changes")
    expect_text(browser, "Riverside Health Visiting Service", "the agency's new name")
    journey.step(browser, "agency-changed", "the agency's details changed")
    click_link(browser, "Northgate Surgery")
    browser.submit_with("Retire the agency")
    expect_refused(browser, "Enter why the agency is retired", "retiring without a reason")
    fill_field(browser, "reason", "Merged into Northgate Medical Practice")
    fill_field(browser, "confirm", "yes")
    browser.submit_with("Retire the agency")
    expect_text(browser, "retired from the directory", "the agency retired")
    journey.step(browser, "agency-retired", "Northgate Surgery retired")


# The designated doctor

def rapid_response(journey, browser, reference):
    click_link(browser, reference)
    journey.step(browser, "rapid-response", "the open Joint Agency Response of %s" % reference)
    # Convened for an hour ago: the meeting has taken place by the time it is recorded.
    set_value(browser, "starts", local(datetime.datetime.now() - datetime.timedelta(hours=1)))
    fill_field(browser, "place", "Safeguarding suite")
    fill_field(browser, "invitees[0].name", "DS Robin Officer")
    fill_field(browser, "invitees[0].email", "robin.officer@police.example.org")
    fill_field(browser, "invitees[0].role", "police")
    browser.submit_with("Convene the meeting")
    if has_errors(browser) or not browser.path().startswith("/meetings/"):
        raise JourneyFailure("the rapid-response meeting was not convened: %s" % browser.text()[:500])
    journey.step(browser, "convened", "the rapid-response meeting convened")
    fill_field(browser, "attendance-0", "attended")
    browser.submit_with("Record that the meeting was held")
    expect_text(browser, "The attendance has been recorded", "the meeting recorded as held")
    journey.step(browser, "held", "the meeting recorded as held")
    browser.open(journey.base + "/rapid-responses")
    click_link(browser, reference)
    expect_text(browser, "(held)", "the rapid-response page shows the meeting held")
    if browser.driver.find_elements("xpath", "//button[normalize-space()='Convene the meeting']"):
        raise JourneyFailure("convening is offered again after the meeting was held")
    fill_field(browser, "note", "Immediate safeguarding actions complete; family support in place.")
    browser.submit_with("Complete the Joint Agency Response")
    expect_text(browser, "The Joint Agency Response is complete", "the response completed")
    journey.step(browser, "jar-complete", "the Joint Agency Response completed on the page")
    click_link(browser, "Open the case")
    expect_text(browser, "Rapid-response meeting held", "the case's timeline shows the meeting held")
    journey.step(browser, "case-held", "the case shows its rapid-response meeting held")
