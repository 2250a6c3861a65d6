import Testing

@testable import CDOPDomain

@Suite("Agency directory")
struct AgencyTests {
    static let lead = AgencyContact(
        name: "Dr Jo Example", role: "Safeguarding lead", email: "jo.example@gp.example.org", isLead: true)
    static let register = AgencyCommand.register(
        agencyID: Sample.gp, name: "Northgate Surgery", kind: .gp, contacts: [lead])

    @Test("An agency is registered with a kind and a lead contact")
    func registers() throws {
        let state = AgencyDecider.fold(try history(AgencyDecider.self, [Self.register]))
        #expect(state.name == "Northgate Surgery")
        #expect(state.leadContacts == [Self.lead])
        Given(AgencyDecider.self, try history(AgencyDecider.self, [Self.register])).when(Self.register).thenRejected(
            "agency.alreadyExists")
    }

    @Test("An agency needs a name and a lead contact with a valid email and a name that can be mailed")
    func checks() {
        let given = Given(AgencyDecider.self, [])
        given.when(.register(agencyID: Sample.gp, name: " ", kind: .gp, contacts: [Self.lead])).thenRejected(
            "agency.nameMissing")
        given.when(.register(agencyID: Sample.gp, name: "Northgate", kind: .gp, contacts: [])).thenRejected(
            "agency.leadContactMissing")
        let bad = AgencyContact(name: "X", email: "x@", isLead: true)
        given.when(.register(agencyID: Sample.gp, name: "Northgate", kind: .gp, contacts: [bad])).thenRejected(
            "input.invalidEmail")
        given.when(.register(agencyID: Sample.gp, name: "Northgate", kind: .gp, contacts: [Self.lead, Self.lead]))
            .thenRejected("agency.duplicateContact")
        let unmailable = AgencyContact(name: "Jo <jo@gp.example.org>", email: "jo@gp.example.org", isLead: true)
        given.when(.register(agencyID: Sample.gp, name: "Northgate", kind: .gp, contacts: [unmailable]))
            .thenRejected("input.invalidName")
    }

    @Test("An update with nothing changed records nothing; a change is recorded")
    func update() throws {
        let events = try history(AgencyDecider.self, [Self.register])
        Given(AgencyDecider.self, events).when(.update(name: "Northgate Surgery", kind: .gp, contacts: [Self.lead]))
            .then([])
        let then = Given(AgencyDecider.self, events).when(
            .update(name: "Northgate Medical Centre", kind: .gp, contacts: [Self.lead]))
        #expect(then.state.name == "Northgate Medical Centre")
    }

    @Test("A retired agency cannot be updated or retired again")
    func retire() throws {
        let events = try history(AgencyDecider.self, [Self.register, .retire(reason: "Practice merged")])
        Given(AgencyDecider.self, events).when(.retire(reason: "again")).thenRejected("agency.retired")
        Given(AgencyDecider.self, events).when(.update(name: "X", kind: .gp, contacts: [Self.lead])).thenRejected(
            "agency.retired")
        Given(AgencyDecider.self, []).when(.retire(reason: "x")).thenRejected("agency.notFound")
    }
}
