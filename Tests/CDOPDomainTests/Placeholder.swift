import Testing
@Suite struct CDOPDomainTestsSmoke { @Test("the module builds") func builds() { #expect(Bool(true)) } }
