import BaoxueContracts

/// One upload route's limits: the largest file it takes and who may send one, checked before
/// the body is read, so a file nobody would accept is never received, let alone held in memory.
/// The services check each row's scope again as they apply it.
struct Upload: Sendable {
    /// Bytes.
    var limit: Int
    var allows: @Sendable (AccessScope) throws(ServiceError) -> Void

    /// County imports: the county's whole file.
    static func county(megabytes: Int) -> Upload {
        Upload(limit: megabytes << 20) { scope throws(ServiceError) in try scope.requireCountyWrite() }
    }

    /// Files any writer may send, each row checked against the sender's township or school.
    static func writers(megabytes: Int) -> Upload {
        Upload(limit: megabytes << 20) { scope throws(ServiceError) in
            guard let role = scope.role, role != .viewer else { throw AccessScope.forbidden("上传文件 (uploading files)") }
        }
    }

    /// The national export of a province's students (about 10 million rows) fits.
    static let students = county(megabytes: 512)
    static let schools = county(megabytes: 16)
    static let householdRoster = county(megabytes: 512)
    static let subsidyRoster = county(megabytes: 256)
    static let bankResults = county(megabytes: 64)
    static let careLedger = county(megabytes: 128)
    /// A school's or a township's term of status changes (5,000 rows a request).
    static let changes = writers(megabytes: 32)
    /// A school's daily absences, or a county's month of them.
    static let absences = writers(megabytes: 64)
}
