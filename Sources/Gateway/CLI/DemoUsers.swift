import Access
import BaoxueContracts
import BaoxueService
import BaoxueDemo
import Foundation

/// One demo user per role (`demo-county-admin`, …, the township and school ones scoped to the
/// demo county's first township and one of its schools), with fresh tokens written to
/// `<data>/demo-tokens.env`, owner-only, as shell variables a newcomer can source.
enum DemoUsers {
    static let fileName = "demo-tokens.env"

    /// Creates the users (or gives existing ones new tokens) and writes the file; returns its path.
    static func issue(for county: DemoCounty, store: AccessStore, dataDirectory: String) throws -> String {
        let township = county.townships[0].code
        let school = county.schools.first { $0.township == township }?.code ?? county.schools[0].code
        var lines = ["# 演示账号令牌，仅本人可读 (demo accounts' bearer tokens; keep them private)", "# . \(dataDirectory)/\(fileName)  then  curl -H \"Authorization: Bearer $BAOXUE_TOKEN\" …"]
        for role in Role.allCases where role != .system {
            let user = NewUser(name: "demo-\(role.rawValue)", role: role, township: role == .townshipStaff ? township : nil, school: role == .schoolStaff ? school : nil)
            let issued: IssuedToken
            if (try? store.user(named: user.name)) != nil {
                issued = try store.rotateToken(name: user.name)
            } else {
                issued = try store.add(user)
            }
            let variable = "BAOXUE_TOKEN_" + role.rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
            let scope = user.township.map { " township \($0)" } ?? user.school.map { " school \($0)" } ?? ""
            lines.append("\(variable)=\(issued.token)  # \(user.name)\(scope)")
        }
        // The operator's token is the one most commands in the welcome text use.
        lines.append("BAOXUE_TOKEN=$BAOXUE_TOKEN_COUNTY_OPERATOR")
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName).path
        try PrivateFiles.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path)
        return path
    }
}
