import Foundation
import Yams

extension OpenAPIValue {
    /// Plain scalars are read by YAML 1.2's core schema, as OpenAPI 3.1 asks: only `true`/`false`
    /// are booleans and only `null`, `~` or nothing is null, so `no`, `on`, `y` and dates such
    /// as `2026-11-27` stay strings (Yams' default follows YAML 1.1 and would turn `no` into false
    /// and a date into a timestamp). Quoted scalars are always strings.
    static let yamlCoreSchema: Resolver = {
        do {
            return try Resolver.basic
                .appending(.null, "^(?:~|null|Null|NULL|)$")
                .appending(.bool, "^(?:true|True|TRUE|false|False|FALSE)$")
                .appending(.int, "^[-+]?[0-9]+$")
                .appending(.float, "^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
        } catch {
            // The patterns above are constants; a bad one shows in the first test that loads the
            // document, and the plain resolver still reads every quoted and plain string.
            return Resolver.basic
        }
    }()

    /// Parses one YAML file into a JSON value.
    ///
    /// - Parameters:
    ///   - file: the file, whose name goes into every error.
    ///   - references: every `$ref` met, with its line, so the loader can say where a broken one is.
    /// - Throws: ``OpenAPIDocumentError`` for YAML that does not parse (with its line), an empty
    ///   file, a mapping key that is not a string, or a scalar JSON cannot hold (a timestamp, binary,
    ///   a merge key `<<`).
    init(yaml file: OpenAPIDocumentFile, references: inout [(reference: String, line: Int?)]) throws(OpenAPIDocumentError) {
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            throw OpenAPIDocumentError(file: file.name, reason: "the file is not UTF-8; save it as UTF-8")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Self.yamlCoreSchema)
        } catch let error as YamlError {
            throw OpenAPIDocumentError(file: file.name, line: Self.line(of: error), reason: "not valid YAML: \(error)")
        } catch {
            throw OpenAPIDocumentError(file: file.name, reason: "not valid YAML: \(error)")
        }
        guard let root else {
            throw OpenAPIDocumentError(file: file.name, reason: "the file is empty; it needs at least `paths:`")
        }
        self = try Self(node: root, file: file.name, references: &references)
    }

    private init(node: Node, file: String, references: inout [(reference: String, line: Int?)]) throws(OpenAPIDocumentError) {
        let line = node.mark?.line
        switch node {
        case .mapping(let mapping):
            var members: [String: OpenAPIValue] = [:]
            for (key, value) in mapping {
                // JSON keys are text: a plain `200:` would be read as a number, so it must be quoted.
                guard case .scalar(let scalar) = key, key.tag.rawValue == Tag.Name.str.rawValue else {
                    throw OpenAPIDocumentError(file: file, line: key.mark?.line, reason: "a key must be text; quote it ('200': …)")
                }
                let converted = try Self(node: value, file: file, references: &references)
                if scalar.string == "$ref", case .string(let target) = converted {
                    references.append((target, value.mark?.line))
                }
                members[scalar.string] = converted
            }
            self = .object(members)
        case .sequence(let sequence):
            var items: [OpenAPIValue] = []
            for item in sequence {
                items.append(try Self(node: item, file: file, references: &references))
            }
            self = .array(items)
        case .scalar(let scalar):
            self = try Self(scalar: scalar.string, tag: node.tag, file: file, line: line)
        case .alias:
            throw OpenAPIDocumentError(file: file, line: line, reason: "YAML aliases (*name) are not supported; use a $ref to a component")
        }
    }

    /// A scalar by its resolved tag (quoted scalars are always `str`).
    private init(scalar text: String, tag: Tag, file: String, line: Int?) throws(OpenAPIDocumentError) {
        switch tag.rawValue {
        case Tag.Name.str.rawValue:
            self = .string(text)
        case Tag.Name.null.rawValue:
            self = .null
        case Tag.Name.bool.rawValue:
            self = .boolean(text.lowercased() == "true")
        case Tag.Name.int.rawValue:
            guard let number = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
                throw OpenAPIDocumentError(file: file, line: line, reason: "\(text) is too large for an integer; quote it if it is text")
            }
            self = .integer(number)
        case Tag.Name.float.rawValue:
            guard let number = Double(text), number.isFinite else {
                throw OpenAPIDocumentError(file: file, line: line, reason: "\(text) is not a finite number; quote it if it is text")
            }
            self = .number(number)
        default:
            throw OpenAPIDocumentError(file: file, line: line, reason: "\(text) has the YAML type \(tag), which JSON cannot hold; quote it")
        }
    }

    /// The 1-based line a Yams error points at, if it has one.
    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }
}
