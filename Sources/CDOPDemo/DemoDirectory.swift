import CDOPApp
import CDOPDomain

/// The people and agencies of the demo panel. Every name is invented; every address is at example.org or
/// example.nhs.uk, domains that deliver nowhere.
package enum DemoDirectory {
    /// One agency of the directory, with its lead contact and a second contact.
    package struct Agency: Sendable {
        package var key: String
        package var name: String
        package var kind: AgencyKind
        package var domain: String
        package var lead: String
        package var leadRole: String

        /// The lead contact's address, e.g. "safeguarding.lead@northgate-surgery.example.nhs.uk".
        package var leadEmail: String { "safeguarding.lead@\(domain)" }

        package var contacts: [AgencyContact] {
            [
                AgencyContact(
                    name: lead, role: leadRole, email: leadEmail, phone: "01632 960\(100 + key.count)", isLead: true),
                AgencyContact(name: "Duty desk", role: "Shared mailbox", email: "duty@\(domain)", isLead: false),
            ]
        }
    }

    /// Twelve agencies a panel works with: GP practices, health visiting, police, social care, hospital, school,
    /// ambulance, hospice, community nursing, mental health.
    package static let agencies: [Agency] = [
        Agency(
            key: "gp-north", name: "Northgate Surgery", kind: .gp, domain: "northgate-surgery.example.nhs.uk",
            lead: "Dr Robin Practiceton", leadRole: "Safeguarding lead GP"),
        Agency(
            key: "gp-east", name: "Eastbury Medical Centre", kind: .gp, domain: "eastbury-medical.example.nhs.uk",
            lead: "Dr Ellis Surgerywood", leadRole: "Safeguarding lead GP"),
        Agency(
            key: "health-visiting", name: "Northam Health Visiting Service", kind: .healthVisiting,
            domain: "northam-hv.example.nhs.uk", lead: "Jamie Visitor", leadRole: "Named nurse, health visiting"),
        Agency(
            key: "police", name: "Example Constabulary Child Abuse Investigation Unit", kind: .police,
            domain: "police.example.org", lead: "DS Taylor Constable", leadRole: "Detective sergeant"),
        Agency(
            key: "social-care", name: "Northam Children's Social Care", kind: .childrensSocialCare,
            domain: "northam-childrens-services.example.org", lead: "Riley Carer", leadRole: "Service manager"),
        Agency(
            key: "hospital", name: "Central Vale Hospital", kind: .hospital, domain: "centralvale.example.nhs.uk",
            lead: "Dr Morgan Wardley", leadRole: "Consultant paediatrician"),
        Agency(
            key: "neonatal", name: "Central Vale Neonatal Unit", kind: .hospital,
            domain: "neonatal.centralvale.example.nhs.uk", lead: "Dr Noor Incubator",
            leadRole: "Consultant neonatologist"),
        Agency(
            key: "school", name: "Eastbury Academy", kind: .school, domain: "eastbury-academy.example.org",
            lead: "Sam Teachwell", leadRole: "Designated safeguarding lead"),
        Agency(
            key: "ambulance", name: "Regional Ambulance Service", kind: .ambulance,
            domain: "regional-ambulance.example.nhs.uk", lead: "Casey Paramedic", leadRole: "Safeguarding manager"),
        Agency(
            key: "hospice", name: "Riverside Children's Hospice", kind: .hospice,
            domain: "riverside-hospice.example.org",
            lead: "Priya Comfort", leadRole: "Director of care"),
        Agency(
            key: "community-nursing", name: "Children's Community Nursing Team", kind: .communityNursing,
            domain: "ccn.example.nhs.uk", lead: "Aoife Homecare", leadRole: "Team leader"),
        Agency(
            key: "camhs", name: "Westwick Child and Adolescent Mental Health Service", kind: .mentalHealth,
            domain: "westwick-camhs.example.nhs.uk", lead: "Dr Kofi Listener", leadRole: "Consultant psychiatrist"),
    ]

    /// The agency with this key (a programming error when unknown).
    package static func agency(_ key: String) -> Agency {
        guard let agency = agencies.first(where: { $0.key == key }) else {
            preconditionFailure("no demo agency \(key)")
        }
        return agency
    }

    /// Who acts in the demo's history, as recorded in every event's metadata. Accounts for these user names
    /// (see `DemoSummary.actors`) make the timelines point at real users.
    package static let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
    package static let designatedDoctor = Actor(name: "dr.pat.designate", role: "designatedDoctor")
    package static let panelChair = Actor(name: "morgan.chair", role: "panelChair")
    package static let practitioner = Actor(name: "agency.practitioner", role: "practitioner")
    package static let notifier = Actor(name: "public.notifier", role: "notifier")

    /// Every actor of the history, for `DemoSummary`.
    package static let actors = [coordinator, designatedDoctor, panelChair, practitioner, notifier]

    /// The panel's standing members, invited to every panel meeting.
    package static let panelMembers: [Invitee] = [
        Invitee(
            name: "Morgan Chair", email: "cdop.chair@public-health.example.org", role: .chair,
            organisation: "Public health"),
        Invitee(
            name: "Dr Pat Designate", email: "designated.doctor@centralvale.example.nhs.uk", role: .designatedDoctor,
            organisation: "Central Vale Hospital"),
        Invitee(
            name: "Casey Coordinator", email: "cdop.coordinator@panel.example.org", role: .coordinator,
            organisation: "North Central Example CDOP"),
        Invitee(
            name: "DI Jordan Lawful", email: "jordan.lawful@police.example.org", role: .police,
            organisation: "Example Constabulary"),
        Invitee(
            name: "Riley Carer", email: "safeguarding.lead@northam-childrens-services.example.org",
            role: .childrensSocialCare, organisation: "Northam Children's Social Care"),
        Invitee(
            name: "Ines Midwife", email: "ines.midwife@centralvale.example.nhs.uk", role: .panelMember,
            organisation: "Central Vale Hospital midwifery"),
    ]

    /// Those invited to a rapid-response meeting: police, on-call paediatrician, social care, health visitor.
    package static let rapidResponseTeam: [Invitee] = [
        Invitee(
            name: "DS Taylor Constable", email: "safeguarding.lead@police.example.org", role: .police,
            organisation: "Example Constabulary"),
        Invitee(
            name: "Dr Morgan Wardley", email: "safeguarding.lead@centralvale.example.nhs.uk", role: .paediatrician,
            organisation: "Central Vale Hospital"),
        Invitee(
            name: "Riley Carer", email: "safeguarding.lead@northam-childrens-services.example.org",
            role: .childrensSocialCare, organisation: "Northam Children's Social Care"),
        Invitee(
            name: "Jamie Visitor", email: "safeguarding.lead@northam-hv.example.nhs.uk", role: .healthVisitor,
            organisation: "Northam Health Visiting Service"),
    ]
}
