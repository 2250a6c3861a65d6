/// One measured figure beside its baseline from the same run: the unit of every cdop benchmark's output.
struct Figure: Encodable {
    enum Better: String, Encodable {
        case higher
        case lower
    }

    var name: String
    var value: Double
    var unit: String
    var baseline: Double
    var ratio: Double
    var better: Better
    /// What the baseline is, for the table (not part of the JSON contract).
    var baselineLabel: String
    /// The target, for the table.
    var target: String

    init(
        name: String, value: Double, unit: String, baseline: Double, better: Better, baselineLabel: String,
        target: String = ""
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.baseline = baseline
        self.ratio = baseline == 0 ? 0 : value / baseline
        self.better = better
        self.baselineLabel = baselineLabel
        self.target = target
    }

    enum CodingKeys: String, CodingKey {
        case name, value, unit, baseline, ratio, better
    }
}
