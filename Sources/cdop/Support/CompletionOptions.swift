import ArgumentParser
import CDOPDomain

/// When an action was completed, and what was done: the options of every "action completed" command.
struct CompletionOptions: ParsableArguments {
    @Option(help: "The day it was completed (YYYY-MM-DD).", transform: Parse.day)
    var on: CalendarDate

    @Option(help: "A note on what was done.")
    var note: String = ""
}
