import Testing

@testable import Gateway

/// The loader merges the YAML files once and refuses, naming the file, what a person could get
/// wrong: bad YAML, a path or component in two files, a `$ref` to nothing, header keys in a part.
@Suite struct OpenAPIDocumentLoaderTests {
    static let root = OpenAPIDocumentFile(name: "openapi.yaml", text: """
        openapi: 3.1.0
        info: {title: test, version: '1'}
        components:
          schemas:
            Error: {type: object}
        """)

    static func part(_ name: String, _ text: String) -> OpenAPIDocumentFile {
        OpenAPIDocumentFile(name: name, text: text)
    }

    static func loadError(_ parts: [OpenAPIDocumentFile]) -> OpenAPIDocumentError? {
        do {
            _ = try OpenAPIDocumentLoader.load(root: root, parts: parts)
            return nil
        } catch {
            return error
        }
    }

    /// The shipped files load; the router serves this value, so the gateway never starts with a
    /// document that does not.
    @Test func theShippedFilesLoad() throws {
        let document = try OpenAPIDocument.shipped.get()
        #expect(document.value.object?["openapi"] == .string("3.1.0"))
        #expect(document.json.hasPrefix("{\"components\":"))
    }

    /// Sorted keys: the same files give the same bytes, in whatever order the parts are merged.
    @Test func theSameFilesGiveTheSameBytes() throws {
        let shipped = try OpenAPIDocument.shipped.get().json
        #expect(try OpenAPIDocumentLoader.load().json == shipped)
        #expect(try OpenAPIDocumentLoader.load(parts: OpenAPIDocumentLoader.parts.reversed()).json == shipped)
    }

    @Test func partsAreMergedIntoTheRoot() throws {
        let document = try OpenAPIDocumentLoader.load(root: Self.root, parts: [
            Self.part("a.yaml", """
                paths:
                  /a:
                    get:
                      responses:
                        '400': {$ref: '#/components/schemas/Error'}
                components:
                  schemas:
                    A: {type: string}
                """),
            Self.part("b.yaml", "paths:\n  /b: {}\n"),
        ])
        #expect(document.value.object?["paths"]?.object?.keys.sorted() == ["/a", "/b"])
        #expect(document.value.object?["components"]?.object?["schemas"]?.object?.keys.sorted() == ["A", "Error"])
    }

    @Test func badYAMLNamesTheFileAndLine() throws {
        let error = try #require(Self.loadError([Self.part("monitor.yaml", "paths:\n  /a:\n    get: [unclosed\n")]))
        #expect(error.file == "monitor.yaml")
        #expect(error.line != nil)
        #expect(error.description.contains("Sources/Gateway/OpenAPI/monitor.yaml"))
    }

    @Test func aPathInTwoFilesNamesBoth() throws {
        let error = try #require(Self.loadError([
            Self.part("registry.yaml", "paths:\n  /api/v1/students: {}\n"),
            Self.part("care.yaml", "paths:\n  /api/v1/students: {}\n"),
        ]))
        #expect(error.file == "care.yaml")
        #expect(error.reason.contains("/api/v1/students is also in registry.yaml"))
    }

    @Test func aComponentInTwoFilesNamesBoth() throws {
        let error = try #require(Self.loadError([Self.part("subsidy.yaml", "components:\n  schemas:\n    Error: {type: string}\n")]))
        #expect(error.file == "subsidy.yaml")
        #expect(error.reason.contains("components/schemas/Error is also in openapi.yaml"))
    }

    @Test func aReferenceToNothingNamesTheFileAndLine() throws {
        let error = try #require(Self.loadError([Self.part("monitor.yaml", """
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/Eror400'}
            """)]))
        #expect(error.file == "monitor.yaml")
        #expect(error.line == 5)
        #expect(error.reason.contains("#/components/responses/Eror400"))
    }

    @Test func aPartMayNotSetTheHeader() throws {
        let error = try #require(Self.loadError([Self.part("care.yaml", "info: {title: care}\npaths: {}\n")]))
        #expect(error.file == "care.yaml")
        #expect(error.reason.contains("`info`"))
    }

    @Test func anEmptyPartIsRefused() throws {
        let error = try #require(Self.loadError([Self.part("care.yaml", "# nothing yet\n")]))
        #expect(error.file == "care.yaml")
    }

    @Test func aPlainNumberKeyMustBeQuoted() throws {
        let error = try #require(Self.loadError([Self.part("care.yaml", "paths:\n  /a:\n    get:\n      responses:\n        200: {description: ok}\n")]))
        #expect(error.line == 5)
        #expect(error.reason.contains("quote it"))
    }

    /// YAML 1.2's core schema, as OpenAPI 3.1 asks: `no`, `on` and dates stay text; only
    /// `true`/`false` are booleans and only digits are numbers.
    @Test func plainScalarsAreReadByTheCoreSchema() throws {
        var references: [(reference: String, line: Int?)] = []
        let value = try OpenAPIValue(yaml: Self.part("x.yaml", """
            enum: [no, on, y, 2026-11-27, 0x1F, '1', true, 12, 1.5, ~]
            """), references: &references)
        #expect(value == .object(["enum": .array([
            .string("no"), .string("on"), .string("y"), .string("2026-11-27"), .string("0x1F"), .string("1"),
            .boolean(true), .integer(12), .number(1.5), .null,
        ])]))
    }

    @Test(arguments: [
        ("#/components/schemas/Error", true),
        ("#/components/schemas/Nothing", false),
        ("#/paths/~1a/get", true),
        ("#/paths/~1a/get/tags/0", true),
        ("#/paths/~1a/get/tags/1", false),
        ("other.yaml#/components", false),
    ])
    func referencesFollowJSONPointer(reference: String, resolves: Bool) {
        let document = OpenAPIValue.object([
            "paths": .object(["/a": .object(["get": .object(["tags": .array([.string("t")])])])]),
            "components": .object(["schemas": .object(["Error": .object([:])])]),
        ])
        #expect((document.resolve(reference) != nil) == resolves)
    }
}
