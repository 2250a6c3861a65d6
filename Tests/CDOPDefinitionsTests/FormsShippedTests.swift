import CDOPDefinitions
import CDOPDomain
import Foundation
import Testing

@Suite("The shipped Forms folder")
struct FormsShippedTests {
    @Test("Every shipped form loads with no problem: notification, reporting, one per supplementary type, analysis")
    func loads() throws {
        let forms = try Shipped.load().forms
        #expect(forms.notification.id == "notification")
        #expect(forms.reporting.formType == .reporting)
        #expect(forms.analysis.id == "analysis")
        for type in FormType.allCases where type.isSupplementary {
            let form = try #require(forms.supplementary(for: type), "\(type)")
            #expect(form.formType == type)
            #expect(forms.definition(for: type) == form)
        }
        #expect(forms.definition(for: .reporting) == forms.reporting)
        #expect(forms.all.count == 20)
        #expect(Set(forms.all.map(\.id)).count == 20)
        for form in forms.all {
            #expect(forms.definition(id: form.id, version: form.version) == form)
            #expect(!form.csvColumns.isEmpty)
        }
    }

    @Test("The reporting form has the old Form B's sections A to F, with identifying details marked")
    func reportingSections() throws {
        let reporting = try Shipped.load().forms.reporting
        #expect(reporting.sections.map { String($0.title.prefix(2)) } == ["A.", "B.", "C.", "D.", "E.", "F."])
        #expect(reporting.field("completed-by-name")?.identifying == true)
        #expect(
            reporting.field("suggested-supplementary-forms")?.options.map(\.value)
                == FormType.allCases.filter(\.isSupplementary).map(\.rawValue))
    }

    @Test("The analysis form ranks the ten categories, states the hierarchy rule, and offers the domain's outcomes")
    func analysis() throws {
        let analysis = try Shipped.load().forms.analysis
        let categories = try #require(analysis.field(AnalysisFields.categories))
        #expect(categories.options.map(\.value) == (1...10).map(String.init))
        #expect(categories.help?.contains("lowest number") == true)
        #expect(
            analysis.field(AnalysisFields.outcome)?.options.map(\.value)
                == ModifiableFactorsOutcome.allCases.map(\.rawValue))
        let factors = try #require(analysis.field(AnalysisFields.factors))
        #expect(factors.field(AnalysisFields.factorLevel)?.options.map(\.value) == ["0", "1", "2"])
        #expect(
            factors.field(AnalysisFields.factorModifiable)?.condition == FieldCondition(field: "level", oneOf: ["2"]))
    }

    @Test("The notification form marks the child's personal data as identifying")
    func identifying() throws {
        let notification = try Shipped.load().forms.notification
        for id in [
            NotificationFields.childSurname, NotificationFields.childDateOfBirth, NotificationFields.childNHSNumber,
            NotificationFields.childAddress, NotificationFields.childPostcode,
        ] {
            #expect(notification.field(id)?.identifying == true, "\(id)")
        }
        #expect(notification.field(NotificationFields.childSex)?.identifying == false)
    }
}
