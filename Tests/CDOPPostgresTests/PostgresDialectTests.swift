import CDOPPostgres
import Testing

/// SQL written for both engines, as PostgreSQL is given it.
@Suite("SQL as PostgreSQL reads it")
struct PostgresDialectTests {
    @Test("Parameters are numbered, and a question mark in quotes is left alone")
    func parametersAreNumbered() {
        #expect(
            PostgresDialect.translate("SELECT a FROM t WHERE b = ? AND c = 'why?' AND d IN (?, ?)")
                == "SELECT a FROM t WHERE b = $1 AND c = 'why?' AND d IN ($2, $3)")
    }

    @Test("Column types take PostgreSQL's names, and WITHOUT ROWID is dropped")
    func columnTypesAreRenamed() {
        #expect(
            PostgresDialect.translate("CREATE TABLE t (a INTEGER PRIMARY KEY, b BLOB, c REAL, d TEXT) WITHOUT ROWID")
                == "CREATE TABLE t (a BIGINT PRIMARY KEY, b BYTEA, c DOUBLE PRECISION, d TEXT)")
        #expect(PostgresDialect.translate("SELECT 'INTEGER' AS real_name") == "SELECT 'INTEGER' AS real_name")
    }

    @Test("Numbered parameters keep their numbers, and SQLite's index hints are dropped")
    func numberedParametersAndIndexHints() {
        #expect(
            PostgresDialect.translate("SELECT a FROM t INDEXED BY t_by_b WHERE b = ?2 OR c = ?1")
                == "SELECT a FROM t WHERE b = $2 OR c = $1")
    }

    @Test("INSERT OR IGNORE ignores conflicts")
    func insertOrIgnore() {
        #expect(
            PostgresDialect.translate("insert or ignore into t (a) values (?)")
                == "insert into t (a) values ($1) ON CONFLICT DO NOTHING")
    }

    @Test("Several statements are split at semicolons outside quotes")
    func statementsAreSplit() {
        #expect(
            PostgresDialect.statements(of: "CREATE TABLE t (a TEXT);\n INSERT INTO t VALUES ('a;b');\n")
                == ["CREATE TABLE t (a TEXT)", "INSERT INTO t VALUES ('a;b')"])
    }
}
