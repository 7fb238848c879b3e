import BaoxueContracts

extension StatusChangeRequest {
    /// Why the registry refuses the request's causes, if it does: a dropout needs at least one
    /// cause from the closed list (`change.reasonRequired`); a value that is not on the list, or
    /// causes on any other kind of change, are `change.causeInvalid`. Each message lists the
    /// choices, so the school can fix the request from the message alone.
    var causeRefusal: ServiceError? {
        guard kind == .dropOut else {
            guard (causes ?? []).isEmpty, unknownCauses.isEmpty else {
                return ServiceError(
                    .changeCauseInvalid, "只有辍学需要填写辍学原因，\(kind.label(.zh))不填 (only a dropOut takes causes, not \(kind.rawValue))",
                    problems: [FieldProblem(field: "causes", reason: "only for dropOut")])
            }
            return nil
        }
        if let unknown = unknownCauses.first {
            return ServiceError(.changeCauseInvalid, DropoutCause.unknownMessage(unknown), problems: [FieldProblem(field: "causes", reason: "one of \(DropoutCause.codeChoices)")])
        }
        guard let causes, !causes.isEmpty else {
            return ServiceError(.changeReasonRequired, DropoutCause.requiredMessage, problems: [FieldProblem(field: "causes", reason: "required for dropOut: one or more of \(DropoutCause.codeChoices)")])
        }
        return nil
    }
}
