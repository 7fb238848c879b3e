import ArgumentParser
import BaoxueContracts

/// `baoxue care wish list|post|claim|fulfil|withdraw|donors`: micro-wishes (微心愿).
struct CareWishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wish", abstract: "微心愿 (micro-wishes)", subcommands: [List.self, Post.self, Claim.self, Fulfil.self, Withdraw.self, Donors.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出微心愿，最新在前，捐赠人电话已脱敏 (list wishes; donors' phones masked)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "状态 (state)") var state: WishState?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: WishListForm { WishListForm(township: township, school: school, state: state?.rawValue, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let wishes = try await perform(options) { try await session.operations.care.wishes(query, actor: session.actor) }
            try options.emit(wishes) { CareText.wishes(wishes, options.language) }
        }
    }

    struct Donors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "面向捐赠人的心愿清单：只有名字（不含姓）、年级和学校 (the donor list: given name, grade and school only)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "状态，默认待认领 (state; posted by default)") var state: WishState?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100

        var form: WishListForm { WishListForm(state: state?.rawValue, limit: String(limit)) }

        func run() async throws {
            let query = try checked(options) { try form.query() }
            let session = try await options.session()
            let wishes = try await perform(options) { try await session.operations.care.donorWishes(query, actor: session.actor) }
            try options.emit(wishes) { CareText.donorWishes(wishes, options.language) }
        }
    }

    struct Post: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "为在册留守儿童发布一个微心愿 (post a wish for a child on the ledger)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "身份证件号或全国学籍号 (ID or student number)") var student: String
        @Option(help: "心愿，如“一套课外书” (the wish)") var wish: String
        @Option(help: "估价（元）(estimated value, yuan)") var value: Int
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: WishForm { WishForm(student: student, wish: wish, value: value, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.request() }
            let session = try await options.session()
            let posted = try await perform(options) { try await session.operations.care.postWish(request, actor: session.actor) }
            try options.emit(posted) { CareText.wish(posted, options.language) }
        }
    }

    struct Claim: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记捐赠人认领 (record a donor's claim)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "心愿编号 (wish id)") var id: Int64
        @Option(help: "捐赠人 (donor)") var donor: String
        @Option(name: .customLong("donor-phone"), help: "捐赠人电话 (donor's phone)") var donorPhone: String?
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: WishStepForm { WishStepForm(donor: donor, donorPhone: donorPhone, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.claim(id: id) }
            let session = try await options.session()
            let wish = try await perform(options) { try await session.operations.care.claimWish(request, actor: session.actor) }
            try options.emit(wish) { CareText.wish(wish, options.language) }
        }
    }

    struct Fulfil: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记心愿已实现 (record a wish fulfilled)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "心愿编号 (wish id)") var id: Int64
        @Option(help: "说明 (note)") var note: String?
        @Option(help: "照片（文件名或链接）(photo reference)") var photo: String?
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: WishStepForm { WishStepForm(note: note, photo: photo, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.fulfil(id: id) }
            let session = try await options.session()
            let wish = try await perform(options) { try await session.operations.care.fulfilWish(request, actor: session.actor) }
            try options.emit(wish) { CareText.wish(wish, options.language) }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤回未实现的心愿 (withdraw a wish not yet fulfilled)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "心愿编号 (wish id)") var id: Int64
        @Option(help: "原因 (reason)") var reason: String
        @Option(help: "日期，默认今天 (date; today when omitted)") var date: String?

        var form: WishStepForm { WishStepForm(reason: reason, date: date) }

        func run() async throws {
            let request = try checked(options) { try form.withdraw(id: id) }
            let session = try await options.session()
            let wish = try await perform(options) { try await session.operations.care.withdrawWish(request, actor: session.actor) }
            try options.emit(wish) { CareText.wish(wish, options.language) }
        }
    }
}
