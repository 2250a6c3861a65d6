import Testing
@Suite struct CDOPStoreTestsSmoke { @Test("the module builds") func builds() { #expect(Bool(true)) } }
