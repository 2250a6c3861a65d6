import CDOPDefinitions
import CDOPDomain

extension DefinitionSet {
    /// The panel's list of learning themes: the suggestions of the analysis form's theme field.
    package var learningThemes: LearningThemes {
        LearningThemes(
            configured: forms.analysis.field(at: "\(AnalysisFields.learningPoints).\(AnalysisFields.learningTheme)")?
                .suggestions ?? [])
    }
}
