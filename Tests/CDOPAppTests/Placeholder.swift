import Testing
@Suite struct CDOPAppTestsSmoke { @Test("the module builds") func builds() { #expect(Bool(true)) } }
