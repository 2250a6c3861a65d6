import Testing
@Suite struct cdopTestsSmoke { @Test("the module builds") func builds() { #expect(Bool(true)) } }
