/// The name pools of the demo county: townships, villages and people, chosen to look like a rural
/// county roster so that screens, exports and search are tried on realistic text.
///
/// People's names deliberately include what breaks naive code: one-character given names (two
/// characters in all), compound surnames (欧阳), characters outside the Basic Multilingual Plane
/// (`𠇔` U+201D4, `𪚥` U+2A6A5) and CJK Extension A (`䶮` U+4DAE), and ethnic-minority names
/// written with a middle dot (`阿依古丽·买买提`, U+00B7), which the roster keeps as given.
enum DemoNames {
    /// Township names; the first is always the county seat (城关镇). The suffix decides the code
    /// range: 镇 1xx, 乡 2xx.
    static let townships = [
        "城关镇", "金河乡", "龙泉镇", "白马乡", "青山镇", "石桥乡", "太平镇", "永兴乡", "安乐镇", "清水乡",
        "三合镇", "双河乡", "桃源乡", "柳林镇", "黄土乡", "马鞍乡", "大坪镇", "凤凰镇", "高峰乡", "长滩乡",
        "杉木乡", "花桥镇", "铜鼓乡", "云台乡", "明月镇", "河西乡", "梨园乡", "东岳镇", "玉龙乡", "新场镇",
    ]

    /// Urban communities (社区) of the county seat.
    static let communities = ["东街社区", "西街社区", "南街社区", "北街社区", "新华社区", "文化社区", "建设社区", "解放社区"]

    /// Village name stems; `村` is appended. More than the largest township needs, so a township
    /// never repeats a name.
    static let villageStems = [
        "红岩", "石门", "青龙", "白果", "大湾", "新民", "光明", "胜利", "团结", "和平",
        "黄桷", "杨柳", "竹林", "松林", "柏树", "桂花", "龙洞", "水井", "高桥", "中坝",
        "下坝", "上寨", "坪上", "茶园", "枫香", "核桃", "板栗", "桃花", "李家", "张家",
        "王家", "陈家", "刘家", "田坝", "河口", "岩脚", "金竹", "银杏", "五星", "红旗",
        "长岭", "凉水", "沙坝", "马鞍", "龙塘", "观音", "土地", "双龙", "古井", "梨树",
    ]

    /// The most common surnames, drawn more often than ``otherSurnames``, as in a real roster.
    static let commonSurnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"]

    static let otherSurnames = [
        "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐",
        "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
        "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
        "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊",
        "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛",
        "郝", "龚", "邵", "万", "严", "覃", "武", "戴", "莫", "向", "汤", "冉", "代", "母", "苟",
    ]

    static let compoundSurnames = ["欧阳", "司马", "诸葛", "上官"]

    /// Characters of boys' given names for children born in the 2010s.
    static let boyCharacters: [String] = [
        "子", "浩", "宇", "俊", "梓", "博", "晨", "泽", "睿", "轩", "然", "航", "杰", "豪", "鸣",
        "文", "涛", "阳", "明", "辰", "宸", "铭", "皓", "锦", "翔", "宏", "鹏", "磊", "森", "凯",
        "嘉", "瑞", "恒", "毅", "天", "一", "思", "诚", "宁", "康", "乐", "鑫", "昊", "煜", "奕",
    ]

    /// Characters of girls' given names for children born in the 2010s.
    static let girlCharacters: [String] = [
        "欣", "怡", "梓", "涵", "雨", "萱", "诗", "琪", "佳", "悦", "可", "馨", "若", "婉", "晴",
        "梦", "瑶", "紫", "雪", "语", "彤", "芷", "妍", "思", "琳", "艺", "静", "婷", "慧", "玥",
        "依", "沫", "心", "蕊", "婧", "璐", "菲", "甜", "茜", "露", "丹", "月", "晓", "安", "宁",
    ]

    /// Rare characters (CJK Extension A and B, and a few that older systems lack), put in a small
    /// share of names so that storage, search and masking are tried on them.
    static let rareCharacters: [String] = ["䶮", "𠇔", "𪚥", "堃", "喆", "犇"]

    /// Given names of the parents' generation.
    static let fatherNames = [
        "建军", "志强", "海涛", "永刚", "国平", "小龙", "勇", "军", "斌", "伟", "明", "建华", "春林",
        "德兵", "红军", "光荣", "大勇", "成刚", "文超", "长江",
    ]

    static let motherNames = [
        "丽", "芳", "秀英", "小红", "丽娟", "春梅", "燕", "敏", "静", "玉兰", "秀琴", "红梅", "晓燕",
        "桂芳", "素华", "琴", "艳", "小芳", "海燕", "金凤",
    ]

    /// Given names of the grandparents' generation, who are the guardians of most children whose
    /// parents both work away.
    static let grandfatherNames = ["德福", "国富", "长贵", "正清", "万全", "学文", "家顺", "有才", "树林", "明德"]

    static let grandmotherNames = ["桂英", "淑芬", "秀兰", "玉珍", "翠花", "凤英", "素珍", "桂兰", "德秀", "玉英"]

    /// Uyghur given names; a full name is `given·father's given name`.
    static let minorityMaleNames = ["艾力", "买买提", "阿不都拉", "吐尔逊", "艾买提", "热合曼", "努尔兰", "伊力哈木"]

    static let minorityFemaleNames = ["阿依古丽", "古丽米拉", "热依拉", "帕提古丽", "迪丽努尔", "阿依努尔", "米热古丽"]

    /// Chinese numerals 1–99 (`一`, `十二`, `二十三`), for ordinal school names (`城关镇第二小学`).
    static func numeral(_ number: Int) -> String {
        precondition((1...99).contains(number), "numeral out of range")
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let tens = number / 10, units = number % 10
        switch tens {
        case 0: return digits[units]
        case 1: return "十" + digits[units]
        default: return digits[tens] + "十" + digits[units]
        }
    }
}
