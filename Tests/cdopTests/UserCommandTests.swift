import CDOPTesting
import Foundation
import Testing

@Suite("Staff accounts through the command line")
struct UserCommandTests {
    /// Runs cdop with bcrypt at its lowest cost (the production cost takes a second a hash in a debug build).
    func user(_ cli: CLI, _ arguments: String..., json: Bool = true) async throws -> CLI.Run {
        try await cli.run(["user"] + arguments + (json ? ["--json"] : []), environment: ["CDOP_BCRYPT_COST": "4"])
    }

    @Test("Add prints the password once; list shows no secret; enrol-2fa and confirm-2fa; disable, enable, reset")
    func roundTrip() async throws {
        let cli = CLI(actor: "ada.admin")
        let added = try await user(
            cli, "add", "Casey.Coordinator", "--name", "Casey Coordinator", "--email", "casey@cdop.example.org",
            "--role", "coordinator", "--role", "panel-member", "--area", "NTH")
        #expect(added.status == 0, "\(added)")
        let password = try #require(added.field("initialPassword"), "\(added)")
        #expect(password.split(separator: "-").map(\.count) == [5, 5, 5, 5])
        #expect(added.field("username") == "casey.coordinator")

        let admin = try await user(
            cli, "add", "ada", "--name", "Ada Admin", "--email", "ada@cdop.example.org", "--role", "admin", json: false)
        #expect(admin.status == 0, "\(admin)")
        #expect(admin.output.contains("Initial password (shown once"), "\(admin)")
        #expect(admin.output.contains("cdop user enrol-2fa ada"), "\(admin)")

        let taken = try await user(
            cli, "add", "CASEY.coordinator", "--name", "Other", "--email", "other@cdop.example.org", "--role",
            "coordinator")
        #expect(taken.status == 1)
        #expect(taken.field("error") == "user.usernameTaken", "\(taken)")
        let badArea = try await user(
            cli, "add", "pat", "--name", "Pat", "--email", "pat@cdop.example.org", "--role", "coordinator", "--area",
            "ZZZ")
        #expect(badArea.field("error") == "user.unknownArea", "\(badArea)")
        let badRole = try await user(
            cli, "add", "pat", "--name", "Pat", "--email", "pat@cdop.example.org", "--role", "chair")
        #expect(badRole.status == 1)
        #expect(badRole.field("error") == "input.invalidOption", "\(badRole)")

        let list = try await user(cli, "list")
        let rows = try #require(list.list, "\(list)")
        #expect(rows.map { $0["username"] as? String } == ["ada", "casey.coordinator"])
        #expect(rows.last?["roles"] as? [String] == ["coordinator", "panel-member"])
        #expect(rows.last?["areas"] as? [String] == ["NTH"])
        #expect(!list.output.contains(password) && !list.output.contains("$2"), "\(list)")

        let enrol = try await user(cli, "enrol-2fa", "ada")
        let secret = try #require(enrol.field("secondFactorSecret"), "\(enrol)")
        #expect(enrol.field("otpauthURI")?.hasPrefix("otpauth://totp/") == true)
        let wrong = try await user(cli, "confirm-2fa", "ada", "--code", "12345")
        #expect(wrong.field("error") == "secondFactor.codeWrong", "\(wrong)")
        let code = try #require(TestAuthenticator.code(secret: secret))
        let confirmed = try await user(cli, "confirm-2fa", "ada", "--code", code)
        #expect(confirmed.status == 0, "\(confirmed)")

        let disabled = try await user(cli, "disable", "casey.coordinator", "--reason", "Left the panel")
        #expect(disabled.status == 0, "\(disabled)")
        let again = try await user(cli, "disable", "casey.coordinator", "--reason", "Left the panel")
        #expect(again.object?["changed"] as? Bool == false, "\(again)")
        let text = try await user(cli, "list", json: false)
        #expect(text.output.contains("disabled"), "\(text)")
        #expect(try await user(cli, "enable", "casey.coordinator").status == 0)
        let access = try await user(cli, "access", "casey.coordinator", "--role", "designated-doctor")
        #expect(access.status == 0, "\(access)")

        let reset = try await user(cli, "reset-password", "casey.coordinator")
        let fresh = try #require(reset.field("newPassword"), "\(reset)")
        #expect(fresh != password)

        let after = try #require(try await user(cli, "list").list)
        #expect(after.first?["secondFactor"] as? Bool == true)
        #expect(after.last?["roles"] as? [String] == ["designated-doctor"])
        #expect(after.last?["areas"] as? [String] == [])
        #expect(after.last?["disabled"] as? Bool == false)

        let missing = try await user(cli, "disable", "nobody", "--reason", "x")
        #expect(missing.field("error") == "command.notFound", "\(missing)")

        let rebuild = try await cli.run("rebuild", "--json")
        #expect(rebuild.status == 0, "\(rebuild)")
    }
}
