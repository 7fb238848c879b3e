import BaoxueContracts
import BaoxueMessaging
import BaoxueService

/// Home-delivered teaching placements: each write done once per request id and answered with the
/// placement as it now stands; lists narrowed to the caller's scope.
extension MonitorService {
    func registerTeaching(on router: inout RequestRouter) {
        let kit = self.kit, store = self.store
        let today = store.settings.today
        router.on(MonitorMessage.startTeaching) { request, context in
            try await kit.write(context) { db in
                let id = try store.teaching.start(db, request, actor: context.actor, today: today())
                return try store.teaching.placement(db, id: id, today: today())!
            }
        }
        router.on(MonitorMessage.logTeaching) { request, context in
            try await kit.write(context) { db in
                let id = try store.teaching.log(db, request, actor: context.actor, today: today())
                return try store.teaching.placement(db, id: id, today: today())!
            }
        }
        router.on(MonitorMessage.endTeaching) { request, context in
            try await kit.write(context) { db in
                let id = try store.teaching.end(db, request, actor: context.actor, today: today())
                return try store.teaching.placement(db, id: id, today: today())!
            }
        }
        router.on(MonitorMessage.listTeaching) { query, context in
            let scoped = try query.scoped(to: context.actor)
            return try await kit.read { db in try store.teaching.list(db, scoped, today: today()) }
        }
    }
}
