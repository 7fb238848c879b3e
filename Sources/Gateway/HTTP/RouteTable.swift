import Hummingbird
import Synchronization

/// The router's own routes, so a known path asked with the wrong method gets 405 and an `Allow`
/// header instead of a 404 that would suggest the path does not exist.
///
/// Hummingbird answers both "no such path" and "not with this method" with 404, so
/// ``ServiceErrorMiddleware`` asks this table which it was. The table is filled from
/// `Router.routes` once every route is added (``record(_:)`` at the end of
/// ``GatewayHTTP/router(operations:metrics:alerts:keepAlive:)``), so what the gateway serves decides
/// the answer; the OpenAPI document only describes it, and a test keeps the two equal. The
/// middleware is added before the routes it wraps, hence a table filled afterwards, behind a lock.
final class RouteTable: Sendable {
    /// Each routed path with the methods it was given, in the order the router listed them.
    private let routes = Mutex<[(path: RouterPath, methods: Set<String>)]>([])

    init() {}

    /// Takes the router's routes; call it once every route is added.
    func record<Context>(_ descriptions: [Router<Context>.RouteDescription]) {
        var table: [(path: RouterPath, methods: Set<String>)] = []
        for description in descriptions {
            if let index = table.firstIndex(where: { $0.path == description.path }) {
                table[index].methods.insert(description.method.rawValue)
            } else {
                table.append((description.path, [description.method.rawValue]))
            }
        }
        routes.withLock { $0 = table }
    }

    /// The methods `path` answers to, sorted, with `HEAD` after them where `GET` is one (the
    /// gateway's router answers HEAD for every GET), or nil if no route has that path.
    ///
    /// Matched as the router matches: segment by segment, where a literal (`/students/import`)
    /// wins over a pattern (`{kind}.csv`), which wins over a bare parameter (`/students/:key`).
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        let best = routes.withLock { routes -> Set<String>? in
            var best: (rank: [Int], methods: Set<String>)?
            for route in routes where route.path.components.count == segments.count {
                guard zip(route.path.components, segments).allSatisfy({ element, segment in element ~= segment }) else { continue }
                let rank = route.path.components.map(Self.rank)
                if best.map({ $0.rank.lexicographicallyPrecedes(rank) }) ?? true {
                    best = (rank, route.methods)
                }
            }
            return best?.methods
        }
        guard let methods = best else { return nil }
        let sorted = methods.subtracting(["HEAD"]).sorted()
        return sorted.contains("GET") || methods.contains("HEAD") ? sorted + ["HEAD"] : sorted
    }

    /// How specific one segment is: a literal 2, a parameter with a fixed part (`{kind}.csv`) 1,
    /// a bare parameter or a wildcard 0.
    private static func rank(_ element: RouterPath.Element) -> Int {
        let text = element.description
        if element == text { return 2 }
        let bareParameter = text.first == "{" && text.firstIndex(of: "}") == text.index(before: text.endIndex)
        return bareParameter || text == "*" || text == "**" ? 0 : 1
    }
}
