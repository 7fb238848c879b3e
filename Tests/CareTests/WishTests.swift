import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing

@testable import Care

/// Micro-wishes: posted, claimed, fulfilled or withdrawn; the donor view carries no personal data.
@Suite struct WishTests {
    func harness() throws -> CareHarness {
        let care = try CareHarness()
        try care.add(1)
        try care.record(CareHarness.entry(1))
        return care
    }

    func post(_ care: CareHarness, _ wish: String = "一套课外书", value: Int = 120) throws -> Wish {
        try care.write { db, store, today in try store.wishes.post(db, WishRequest(student: CareHarness.key(1), wish: wish, value: value), actor: CareHarness.county, today: today) }
    }

    @Test func aWishGoesFromPostedToClaimedToFulfilled() throws {
        let care = try harness()
        let wish = try post(care)
        #expect(wish.state == .posted && wish.value == 120 && wish.studentName == "学生1")
        care.advance(days: 2)
        let claimed = try care.write { db, store, today in try store.wishes.claim(db, WishClaim(id: wish.id, donor: CareContact(name: "爱心人士陈先生", phone: "13512345678")), actor: CareHarness.county, today: today) }
        #expect(claimed.state == .claimed && claimed.claimedOn == care.today && claimed.donor?.phone == "13512345678")
        care.advance(days: 5)
        let fulfilled = try care.write { db, store, today in try store.wishes.fulfil(db, WishFulfilment(id: wish.id, note: "已送到学校", photo: "wish-1.jpg"), actor: CareHarness.county, today: today) }
        #expect(fulfilled.state == .fulfilled && fulfilled.fulfilledOn == care.today && fulfilled.photo == "wish-1.jpg")
        let listed = try care.read { db, store, _ in try store.wishes.list(db, WishQuery(state: .fulfilled)) }
        #expect(listed.first?.donor?.phone == "135****5678")
        let figures = try care.read { db, store, today in try store.reporter.figures(db, CareFiguresQuery(year: 2026), school: nil, today: today) }
        #expect(figures.wishesPosted == 1 && figures.wishesClaimed == 1 && figures.wishesFulfilled == 1 && figures.wishesFulfilledValue == 120)
    }

    @Test func transitionsOutOfOrderAreRefused() throws {
        let care = try harness()
        let wish = try post(care)
        func fulfil() throws { _ = try care.write { db, store, today in try store.wishes.fulfil(db, WishFulfilment(id: wish.id), actor: CareHarness.county, today: today) } }
        #expect(errorCode(fulfil) == ErrorCode.careWishState.rawValue)
        _ = try care.write { db, store, today in try store.wishes.withdraw(db, WishWithdrawal(id: wish.id, reason: "家长已购买"), actor: CareHarness.county, today: today) }
        #expect(errorCode { _ = try care.write { db, store, today in try store.wishes.claim(db, WishClaim(id: wish.id, donor: CareContact(name: "某人")), actor: CareHarness.county, today: today) } } == ErrorCode.careWishState.rawValue)
        #expect(errorCode { _ = try care.write { db, store, today in try store.wishes.withdraw(db, WishWithdrawal(id: wish.id, reason: "again"), actor: CareHarness.county, today: today) } } == ErrorCode.careWishState.rawValue)
        #expect(errorCode { _ = try care.write { db, store, today in try store.wishes.claim(db, WishClaim(id: 99, donor: CareContact(name: "某人")), actor: CareHarness.county, today: today) } } == ErrorCode.careWishNotFound.rawValue)
        #expect(errorCode { _ = try post(care, value: 50_000) } == ErrorCode.careInvalid.rawValue)
        let viewer = Actor(user: "v", role: "viewer", via: "test")
        #expect(errorCode { _ = try care.write { db, store, today in try store.wishes.post(db, WishRequest(student: CareHarness.key(1), wish: "书包", value: 80), actor: viewer, today: today) } } == ErrorCode.scopeForbidden.rawValue)
    }

    @Test func theDonorViewCarriesNoPersonalData() throws {
        let care = try harness()
        _ = try post(care, "一个新书包", value: 80)
        let donor = try care.read { db, store, _ in try store.wishes.donorList(db, WishQuery()) }
        #expect(donor.count == 1)
        #expect(donor[0].givenName == "生1" && donor[0].grade == 5 && donor[0].schoolName == "城关镇中心小学")
        let json = String(decoding: try WireCoding.encode(donor), as: UTF8.self)
        let child = try care.student(1)
        for secret in [child.record.idNumber!.value, child.record.studentNumber.value, String(child.record.idNumber!.value.suffix(4)), child.record.name, child.record.householdRegion!, child.record.guardianName!, child.record.guardianPhone!, "王秀英", "13800001111", "李主任"] {
            #expect(!json.contains(secret), "the donor view holds \(secret)")
        }
        #expect(Set((try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]])[0].keys) == ["id", "givenName", "grade", "schoolName", "wish", "value", "state", "postedOn"])
    }
}
