import Foundation
import OpenAPIKit
import Testing

@testable import Gateway

/// The served `/openapi.json` is a valid OpenAPI 3.1 document by a real OpenAPI library, not only
/// by our loader: client generators and Schemathesis read it. (That every route is documented and
/// every documented operation routed is `HTTPSurfaceTests`.)
@Suite struct OpenAPIDocumentTests {
    static func servedJSON() throws -> Data {
        Data(try OpenAPIDocument.shipped.get().json.utf8)
    }

    static func servedObject() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: servedJSON()) as? [String: Any])
    }

    /// OpenAPIKit decodes it and its validations pass, strictly (a decoding warning is an error),
    /// with the optional checks that every path has operations, every operation responses, every
    /// path parameter is declared and every referenced component exists. Not
    /// `schemaComponentsAreDefined`: a branch such as `anyOf: [{required: [idNumber]}, …]` says
    /// "one of these fields must be present" and is meant to have no schema of its own.
    @Test func openAPIKitDecodesAndValidatesIt() throws {
        let document = try JSONDecoder().decode(OpenAPI.Document.self, from: Self.servedJSON())
        #expect(document.openAPIVersion == .v3_1_0)
        let validator = Validator()
            .validating(.documentContainsPaths)
            .validating(.pathsContainOperations)
            .validating(.operationsContainResponses)
            .validating(.pathParametersAreDefined)
            .validating(.schemaReferencesFoundInComponents)
            .validating(.responseReferencesFoundInComponents)
            .validating(.parameterReferencesFoundInComponents)
            .validating(.headerReferencesFoundInComponents)
        #expect(throws: Never.self) { try document.validate() }
        do {
            try document.validate(using: validator, strict: true)
        } catch let errors as ValidationErrorCollection {
            Issue.record("\(errors.values.map { "\($0.codingPathString): \($0.reason)" }.joined(separator: "\n"))")
        }
        // Every reference can be replaced by what it points at.
        let dereferenced = try document.locallyDereferenced()
        #expect(dereferenced.paths.count == document.paths.count)
    }

    /// Every `$ref`, anywhere (schemas inside schemas included), points at something in the
    /// document, by JSON Pointer, independently of the loader's own check.
    @Test func everyReferenceResolves() throws {
        let document = try Self.servedObject()
        var references: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append(reference) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        #expect(references.count > 300)
        for reference in Set(references).sorted() {
            #expect(reference.hasPrefix("#/"), "\(reference) is not local")
            var node: Any? = document
            for token in reference.dropFirst(2).split(separator: "/") {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                node = (node as? [String: Any])?[key]
            }
            #expect(node != nil, "\(reference) points at nothing")
        }
    }

    /// One shared response per error status: an operation names the status and refers to
    /// `ErrorNNN`, which carries the `Error` schema; nothing is written out twice.
    @Test func everyErrorResponseIsTheSharedOne() throws {
        let document = try Self.servedObject()
        let components = try #require(document["components"] as? [String: Any])
        let responses = try #require(components["responses"] as? [String: [String: Any]])
        for (name, response) in responses {
            let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: String]
            #expect(schema == ["$ref": "#/components/schemas/Error"], "\(name)")
        }
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        var operationIDs: [String] = []
        for (path, operations) in paths {
            for (method, operation) in operations {
                let id = try #require(operation["operationId"] as? String, "\(method) \(path) has no operationId")
                operationIDs.append(id)
                let statuses = try #require(operation["responses"] as? [String: [String: Any]])
                for (status, response) in statuses where (Int(status) ?? 0) >= 400 && path.hasPrefix("/api/") {
                    #expect(response as? [String: String] == ["$ref": "#/components/responses/Error\(status)"], "\(id) \(status)")
                }
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count)
    }
}
