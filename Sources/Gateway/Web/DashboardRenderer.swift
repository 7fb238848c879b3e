import Foundation
import Mustache

/// The dashboard's templates and static files, compiled into the executable (as the OpenAPI
/// document is), so the gateway serves its pages with nothing beside it and nothing from outside.
/// Mustache escapes every value it prints; only the server-drawn SVG charts are inserted raw
/// (`{{{…}}}`), and ``SVGChart`` escapes the text inside them.
struct DashboardRenderer: Sendable {
    let library: MustacheLibrary

    static let shipped: Result<DashboardRenderer, any Error> = Result {
        var library = MustacheLibrary()
        for (name, bytes) in [
            ("header", PackageResources.header_mustache), ("footer", PackageResources.footer_mustache), ("home", PackageResources.home_mustache),
            ("case", PackageResources.case_mustache), ("login", PackageResources.login_mustache), ("message", PackageResources.message_mustache),
        ] {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        return DashboardRenderer(library: library)
    }

    static let stylesheet = Data(PackageResources.dashboard_css)
    static let script = Data(PackageResources.dashboard_js)

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
