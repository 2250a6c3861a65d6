import CDOPDefinitions
import CDOPDomain
import Foundation
import Testing

@Suite("Gestation in weeks and days, and hints that match their inputs")
struct GestationAndHintTests {
    @Test(
        "Gestation is asked as whole weeks plus days, and a baby born alive at 20 weeks is accepted",
        arguments: [FormType.neonatal, .sudiSudc])
    func gestationWeeksAndDays(_ type: FormType) throws {
        let form = try #require(try Shipped.load().forms.supplementary(for: type))
        let weeks = try #require(form.field("gestation-weeks"))
        let days = try #require(form.field("gestation-days"))
        #expect(weeks.minimum ?? 0 <= 20)
        #expect(days.minimum == 0 && days.maximum == 6)
        let post: [String: [String]] = ["gestation-weeks": ["20"], "gestation-days": ["3"]]
        guard
            case .invalid(let errors, _) = form.validate(
                post: post, today: CalendarDate(year: 2026, month: 6, day: 1)!, mode: .draft)
        else { return }
        #expect(errors.filter { $0.path.hasPrefix("gestation") }.isEmpty, "\(errors)")
    }

    @Test("No date field's hint shows a date as numbers, which the date input does not take")
    func dateHintsInWords() throws {
        for form in try Shipped.load().forms.all {
            for field in form.fields where field.type == .date {
                let help = field.help ?? ""
                #expect(help.firstMatch(of: /\d{1,2} \d{1,2} \d{4}/) == nil, "\(form.id) \(field.id): \(help)")
            }
        }
    }
}
