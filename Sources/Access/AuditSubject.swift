import BaoxueContracts
import Crypto
import Foundation

/// The child an audit line is about: a masked label for people, and keyed references (HMAC-SHA256
/// of the ID number and of the student number under a secret of this installation) so that
/// `audit list --student` finds every line about a child without the log holding the numbers.
/// Plain hashes would not do: an ID number has so little entropy that it could be guessed back.
public struct AuditSubject: Sendable, Equatable {
    public var label: String
    public var references: [String]
    public var township: String?
    public var school: String?

    public init(label: String, references: [String], township: String? = nil, school: String? = nil) {
        self.label = label
        self.references = references
        self.township = township
        self.school = school
    }

    /// The reference of one identifying key (ID number or student number, in any accepted
    /// spelling: full-width digits and a lowercase x give the same reference).
    public static func reference(of key: String, secret: SymmetricKey) -> String {
        let text = TextNormalization.field(key)
        let canonical = (try? IDNumber(validating: text))?.value ?? (try? StudentNumber(validating: text))?.value ?? text
        let code = HMAC<SHA256>.authenticationCode(for: Data(canonical.utf8), using: secret)
        return code.prefix(16).lowercaseHex
    }

    /// The subject for a student record.
    public static func student(_ student: Student, secret: SymmetricKey) -> AuditSubject {
        let record = student.record
        var references = [reference(of: record.studentNumber.value, secret: secret)]
        if let id = record.idNumber { references.insert(reference(of: id.value, secret: secret), at: 0) }
        return AuditSubject(label: "\(record.name) \(record.idNumber?.masked ?? record.studentNumber.masked)", references: references, township: student.township, school: record.schoolCode)
    }
}
