import BaoxueContracts
import BaoxueMessaging
import GRDB

/// The monitor's copy of the subsidy service's `subsidy.unmatched` events: school-age children on
/// a family list (建档立卡, 低保, …) whom no school holds. The cross-check takes each as a suspect
/// (``CrosscheckReason/familyListNotEnrolled``) on its next run; the school's own 建档立卡 flag is
/// no longer the only way a poor child without a place is found. Applying an event twice changes
/// nothing.
enum FamilyListStore {
    static func apply(_ db: Database, _ event: ReceivedEvent) throws {
        guard event.header.type == SubsidyMessage.Event.unmatched else { return }
        let child = try WireCoding.decode(UnlistedChildEvent.self, from: event.body)
        guard child.listed else {
            try db.execute(sql: "DELETE FROM family_listed_child WHERE id_number = ?", arguments: [child.idNumber])
            return
        }
        try db.execute(sql: """
            INSERT INTO family_listed_child (id_number, name, township, registered_poor, categories, listed_on) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id_number) DO UPDATE SET name = excluded.name, township = excluded.township, registered_poor = excluded.registered_poor,
                categories = excluded.categories, listed_on = excluded.listed_on
            """, arguments: [child.idNumber, child.name, child.township, child.categories.contains(.registeredPoor), child.categories.map(\.rawValue).joined(separator: ","), child.listedOn.description])
    }
}
