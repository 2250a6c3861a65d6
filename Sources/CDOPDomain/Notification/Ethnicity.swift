/// Ethnic group in the 2021 census categories for England and Wales, with "not stated" and "not known"
/// counted separately (reports show unknowns).
package enum Ethnicity: String, Hashable, Sendable, Codable, CaseIterable {
    case asianBangladeshi
    case asianChinese
    case asianIndian
    case asianPakistani
    case asianOther
    case blackAfrican
    case blackCaribbean
    case blackOther
    case mixedWhiteAndAsian
    case mixedWhiteAndBlackAfrican
    case mixedWhiteAndBlackCaribbean
    case mixedOther
    case whiteBritish
    case whiteIrish
    case whiteGypsyOrIrishTraveller
    case whiteRoma
    case whiteOther
    case otherArab
    case otherAnyOther
    case notStated
    case notKnown

    /// The census broad group: Asian, Black, Mixed, White, Other, or Not known.
    package var broadGroup: String {
        switch self {
        case .asianBangladeshi, .asianChinese, .asianIndian, .asianPakistani, .asianOther: "Asian"
        case .blackAfrican, .blackCaribbean, .blackOther: "Black"
        case .mixedWhiteAndAsian, .mixedWhiteAndBlackAfrican, .mixedWhiteAndBlackCaribbean, .mixedOther: "Mixed"
        case .whiteBritish, .whiteIrish, .whiteGypsyOrIrishTraveller, .whiteRoma, .whiteOther: "White"
        case .otherArab, .otherAnyOther: "Other"
        case .notStated, .notKnown: "Not known"
        }
    }
}
