/// Puts the gateway's OpenAPI document together from its YAML files: the root `openapi.yaml`
/// (the header and what every part shares) and one part per service or area.
///
/// The files are compiled into the binary (`.embedInCode` in Package.swift), so the gateway needs
/// no resource bundle beside it: the Dockerfile and the systemd unit install one executable, and a
/// file that is missing is a build error, not a failure at start. A part may hold only `paths` and
/// `components`; a path or a component defined in two files, and a `$ref` that points at
/// nothing, are errors that name the file, where a silent first-wins merge would hide a typo.
enum OpenAPIDocumentLoader {
    /// The document's root: `openapi`, `info`, `security` and the shared components.
    static let root = OpenAPIDocumentFile(name: "openapi.yaml", bytes: PackageResources.openapi_yaml)

    /// Every part, one per service or area, beside the routes they describe. A new service adds
    /// its file here and as a resource in Package.swift.
    static let parts: [OpenAPIDocumentFile] = [
        OpenAPIDocumentFile(name: "gateway.yaml", bytes: PackageResources.gateway_yaml),
        OpenAPIDocumentFile(name: "registry.yaml", bytes: PackageResources.registry_yaml),
        OpenAPIDocumentFile(name: "monitor.yaml", bytes: PackageResources.monitor_yaml),
        OpenAPIDocumentFile(name: "targets.yaml", bytes: PackageResources.targets_yaml),
        OpenAPIDocumentFile(name: "deliveries.yaml", bytes: PackageResources.deliveries_yaml),
        OpenAPIDocumentFile(name: "crosscheck.yaml", bytes: PackageResources.crosscheck_yaml),
        OpenAPIDocumentFile(name: "calendar.yaml", bytes: PackageResources.calendar_yaml),
        OpenAPIDocumentFile(name: "subsidy.yaml", bytes: PackageResources.subsidy_yaml),
        OpenAPIDocumentFile(name: "care.yaml", bytes: PackageResources.care_yaml),
        OpenAPIDocumentFile(name: "reports.yaml", bytes: PackageResources.reports_yaml),
        OpenAPIDocumentFile(name: "dashboard.yaml", bytes: PackageResources.dashboard_yaml),
    ]

    /// What a part may define; the document's header belongs to the root alone.
    static let partKeys: Set<String> = ["paths", "components"]

    /// Reads and merges the files.
    ///
    /// - Parameters:
    ///   - root: the file with `openapi`, `info` and the shared components.
    ///   - parts: the files whose `paths` and `components` are added to it.
    /// - Throws: ``OpenAPIDocumentError`` naming the file (and line, when known) that does not
    ///   parse, has a key a part may not have, repeats a path or component of another file, or
    ///   has a `$ref` that resolves to nothing in the merged document.
    static func load(root: OpenAPIDocumentFile = root, parts: [OpenAPIDocumentFile] = parts) throws(OpenAPIDocumentError) -> OpenAPIDocument {
        var references: [(file: String, reference: String, line: Int?)] = []
        var fileReferences: [(reference: String, line: Int?)] = []
        guard var document = try OpenAPIValue(yaml: root, references: &fileReferences).object else {
            throw OpenAPIDocumentError(file: root.name, line: 1, reason: "the root must be a mapping with openapi, info and paths")
        }
        for key in ["openapi", "info"] where document[key] == nil {
            throw OpenAPIDocumentError(file: root.name, reason: "the root has no `\(key)`")
        }
        references += fileReferences.map { (root.name, $0.reference, $0.line) }

        // Where each path and component came from, so a repeat names both files.
        var origin: [String: String] = [:]
        var paths = document["paths"]?.object ?? [:]
        var components = document["components"]?.object ?? [:]
        for path in paths.keys { origin["paths \(path)"] = root.name }
        for (section, entries) in components {
            for name in entries.object?.keys.sorted() ?? [] { origin["components/\(section) \(name)"] = root.name }
        }

        for part in parts {
            fileReferences = []
            guard let content = try OpenAPIValue(yaml: part, references: &fileReferences).object else {
                throw OpenAPIDocumentError(file: part.name, line: 1, reason: "a part must be a mapping with paths and components")
            }
            references += fileReferences.map { (part.name, $0.reference, $0.line) }
            if let stray = content.keys.sorted().first(where: { !partKeys.contains($0) }) {
                throw OpenAPIDocumentError(file: part.name, reason: "`\(stray)` cannot be in a part, only paths and components; document-wide keys go in \(root.name)")
            }
            for (path, item) in content["paths"]?.object ?? [:] {
                if let first = origin["paths \(path)"] {
                    throw OpenAPIDocumentError(file: part.name, reason: "the path \(path) is also in \(first); keep each path in one file")
                }
                origin["paths \(path)"] = part.name
                paths[path] = item
            }
            for (section, entries) in content["components"]?.object ?? [:] {
                guard let entries = entries.object else {
                    throw OpenAPIDocumentError(file: part.name, reason: "components/\(section) must be a mapping of names")
                }
                var merged = components[section]?.object ?? [:]
                for (name, entry) in entries {
                    if let first = origin["components/\(section) \(name)"] {
                        throw OpenAPIDocumentError(file: part.name, reason: "components/\(section)/\(name) is also in \(first); give it another name or keep one")
                    }
                    origin["components/\(section) \(name)"] = part.name
                    merged[name] = entry
                }
                components[section] = .object(merged)
            }
        }
        document["paths"] = .object(paths)
        document["components"] = .object(components)

        let merged = OpenAPIValue.object(document)
        if let broken = references.first(where: { merged.resolve($0.reference) == nil }) {
            throw OpenAPIDocumentError(file: broken.file, line: broken.line, reason: "$ref \(broken.reference) points at nothing in the merged document")
        }
        do {
            return try OpenAPIDocument(merged)
        } catch {
            throw OpenAPIDocumentError(file: root.name, reason: "the merged document cannot be written as JSON: \(error)")
        }
    }
}
