import BaoxueContracts

/// The transition table of DOMAIN.md: from which statuses each change may start and where it
/// leads. An impossible change is refused with a reason a school clerk can act on.
public enum StatusTransition {
    /// The status after `request`, or the refusal.
    public static func target(of request: StatusChangeRequest, from status: StudentStatus) -> Result<StudentStatus, ServiceError> {
        let allowed: Set<StudentStatus>
        let to: StudentStatus
        switch request.kind {
        case .enroll:
            return .failure(ServiceError(
                .changeNotAllowed,
                "该学生已有学籍（\(status.label(.zh))），不能再次入学注册；转入请用transferIn，劝返请用return (the student already has a record; use transferIn or return)"))
        case .transferOut:
            allowed = [.enrolled]
            to = request.outOfCounty == true ? .leftCounty : .transferredOut
        case .transferIn:
            allowed = [.transferredOut, .leftCounty]
            to = .enrolled
        case .suspend:
            allowed = [.enrolled]
            to = .suspended
        case .extendSuspension:
            allowed = [.suspended]
            to = .suspended
        case .resume:
            allowed = [.suspended]
            to = .enrolled
        case .dropOut:
            allowed = [.enrolled, .suspended]
            to = .droppedOut
        case .return:
            allowed = [.droppedOut]
            to = .enrolled
        case .graduate:
            allowed = [.enrolled]
            to = .graduated
        case .death:
            allowed = Set(StudentStatus.allCases).subtracting([.graduated, .deceased])
            to = .deceased
        }
        guard allowed.contains(status) else {
            let from = allowed.map { $0.label(.zh) }.sorted().joined(separator: "、")
            let fromEn = allowed.map { $0.label(.en) }.sorted().joined(separator: ", ")
            return .failure(ServiceError(
                .changeNotAllowed,
                "不能对状态为“\(status.label(.zh))”的学生办理\(request.kind.label(.zh))：只适用于\(from)的学生 (cannot \(request.kind.label(.en)) a student who is \(status.label(.en)); allowed from: \(fromEn))"))
        }
        return .success(to)
    }
}
