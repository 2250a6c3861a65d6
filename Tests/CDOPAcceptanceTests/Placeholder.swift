import Testing
@Suite struct CDOPAcceptanceTestsSmoke { @Test("the module builds") func builds() { #expect(Bool(true)) } }
