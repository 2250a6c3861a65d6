import CDOPStore
import CDOPTesting
import Foundation

/// A store on a fresh file in its own temporary folder; the folder lives as long as the fixture.
struct StoreFixture {
    let folder = TemporaryDirectory("cdop-store")
    let store: EventStore
    var path: String { folder.path("cdop.sqlite") }

    init(options: EventStoreOptions = EventStoreOptions()) throws {
        store = try EventStore(path: folder.path("cdop.sqlite"), options: options)
    }

    /// Another store object on the same file, as a second process would open it.
    func reopen(options: EventStoreOptions = EventStoreOptions()) throws -> EventStore {
        try EventStore(path: path, options: options)
    }
}

let testMoment = Date(timeIntervalSince1970: 1_790_000_000)

func event(_ type: String = "test.happened.v1", _ json: String = #"{"n":1}"#, id: UUID = UUID()) -> NewEvent {
    NewEvent(eventID: id, type: type, data: Data(json.utf8), metadata: Data(#"{"actor":"tester"}"#.utf8))
}

func events(_ count: Int) -> [NewEvent] {
    (0..<count).map { event("test.happened.v1", #"{"n":\#($0)}"#) }
}
