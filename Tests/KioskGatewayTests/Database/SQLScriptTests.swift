import Testing

@testable import KioskGateway

@Suite struct SQLScriptTests {
    @Test func splitsAtTopLevelSemicolonsOnly() {
        let script = """
            -- a comment; with a semicolon
            CREATE TABLE a (x text DEFAULT 'semi;colon' CHECK (x <> 'it''s;'));
            /* block; comment */
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'no; never';
            END
            $$;
            CREATE TABLE "odd;name" (y int);;
            """
        let statements = SQLScript.statements(script)
        #expect(statements.count == 3)
        #expect(statements[0].hasPrefix("CREATE TABLE a") && statements[0].hasSuffix("'it''s;'))"))
        #expect(statements[1].contains("RAISE EXCEPTION 'no; never';") && statements[1].hasSuffix("$$"))
        #expect(statements[2] == "CREATE TABLE \"odd;name\" (y int)")
    }

    @Test func namedDollarTagsAndPositionalParameters() {
        let statements = SQLScript.statements("SELECT $body$ a; b $body$; SELECT $1")
        #expect(statements == ["SELECT $body$ a; b $body$", "SELECT $1"])
    }

    @Test func commentsAloneAreNoStatement() {
        #expect(SQLScript.statements("-- only\n/* comments */\n;").isEmpty)
    }
}
