import Foundation
import Testing

@testable import CDOPHTTP

@Suite("The server gives the memory it freed back to the system")
struct HeapReleaseTests {
    @Test("Releasing the free heap returns the holes malloc kept after many small blocks were freed")
    func releasingTheFreeHeapLowersResidentMemory() throws {
        // 32 MiB in 1 KiB blocks, each written so it is resident; then all but every 64th freed, so that malloc
        // cannot give the space back by shrinking its heap from the top: the freed holes stay resident.
        let blocks = (0..<32_768).map { _ -> UnsafeMutableRawPointer in
            let block = malloc(1024)!
            memset(block, 0x5A, 1024)
            return block
        }
        defer { for (index, block) in blocks.enumerated() where index % 64 == 0 { free(block) } }
        for (index, block) in blocks.enumerated() where index % 64 != 0 { free(block) }

        let before = ProcessMemory.now()
        ProcessMemory.releaseFreeHeap()
        let after = ProcessMemory.now()
        #expect(before.heapFreeBytes > 16 * 1_048_576, "malloc keeps \(before.heapFreeBytes) bytes free")
        #expect(
            after.anonymousBytes < before.anonymousBytes - 8 * 1_048_576,
            "resident anonymous memory \(before.anonymousBytes) before the release, \(after.anonymousBytes) after")
    }
}
