import Foundation

/// The documented routes, read once from ``OpenAPIDocument`` (which a test keeps equal to the
/// router), so a known path asked with the wrong method gets 405 and an `Allow` header instead
/// of a 404 that would suggest the path does not exist.
enum RouteTable {
    /// Path templates split into segments (`{key}` matches any one segment) with their methods.
    static let routes: [(segments: [Substring], methods: [String])] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]]
        else { return [] }
        return paths.map { path, operations in
            (path.split(separator: "/"), operations.keys.map { $0.uppercased() }.sorted())
        }
    }()

    /// The methods `path` answers to, or nil if no route has that path. A literal segment wins
    /// over a `{parameter}` (`/students/import` is not `/students/{key}`), as in the router.
    static func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        var best: (literals: Int, methods: [String])?
        for route in routes where route.segments.count == segments.count {
            let matches = zip(route.segments, segments).allSatisfy { template, segment in
                template.hasPrefix("{") || template == segment
            }
            let literals = route.segments.filter { !$0.hasPrefix("{") }.count
            if matches, literals > best?.literals ?? -1 { best = (literals, route.methods) }
        }
        guard let methods = best?.methods else { return nil }
        return methods.contains("GET") ? methods + ["HEAD"] : methods
    }
}
