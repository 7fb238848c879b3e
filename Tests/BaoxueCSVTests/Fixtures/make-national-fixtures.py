#!/usr/bin/env python3
"""Writes one sample of each national layout the imports read as it comes (docs/imports.md):

- national-students.xlsx: the national 学籍 system's student export (全国中小学生学籍信息管理系统),
  its headers and values (是否留守儿童 = 双亲留守儿童, 残疾类型 = 无残疾, 身份证件类型, 成员1…/成员2…
  instead of a guardian column, 年级 = 初中一年级, dates as 8-digit text), with columns Baoxue does
  not keep (民族, 籍贯 …);
- household-roster.csv: a public-security household export of school-age children
  (公民身份号码, 户号, 与户主关系 …), GB18030 with CRLF as Excel on Chinese Windows saves it.

The Swift tests import both and check every value. Run once; the files are committed.

    pip install openpyxl && python3 make-national-fixtures.py
"""
import openpyxl

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECKS = "10X98765432"

def id_number(birth, sequence, region="510123"):
    body = f"{region}{birth}{sequence:03d}"
    return body + CHECKS[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]

STUDENT_HEADER = [
    "序号", "姓名", "性别", "出生日期", "出生地", "籍贯", "民族", "国籍/地区", "身份证件类型", "身份证件号",
    "港澳台侨外", "健康状况", "户口所在地行政区划", "户口性质", "入学年月", "入学方式", "就读方式", "现住址",
    "联系电话", "是否独生子女", "是否受过学前教育", "是否进城务工人员随迁子女", "是否留守儿童", "是否孤儿",
    "残疾类型", "是否需要申请资助", "上下学方式", "全国学籍号", "学籍辅号", "学校标识码", "学校名称", "年级", "班级",
    "成员1姓名", "成员1关系", "成员1联系电话", "成员1是否监护人", "成员1身份证件号",
    "成员2姓名", "成员2关系", "成员2联系电话", "成员2是否监护人", "成员2身份证件号",
]
G1 = id_number("20130302", 2)
G2 = id_number("20150615", 1)
STUDENTS = [
    # Both parents away; the grandmother (member 2) is the guardian.
    ["1", "古丽·阿不都", "女", "20130302", "四川省", "四川省", "维吾尔族", "中国", "居民身份证", G1,
     "否", "健康或良好", "510123101000", "农业户口", "201909", "就近入学", "住校", "某镇某村3组",
     "", "否", "是", "否", "双亲留守儿童", "否",
     "无残疾", "是", "步行", "G" + G1, "", "2510123001", "城关中学", "初中一年级", "1班",
     "阿不都·热合曼", "父亲", "13800001234", "否", "",
     "帕丽旦", "祖母", "13900002222", "是", ""],
    # At home, a visual disability; the father (member 1) is the guardian, member 2 unmarked.
    ["2", "王䶮", "男", "20150615", "四川省", "四川省", "汉族", "中国", "居民身份证", G2,
     "否", "健康或良好", "510123102000", "非农业户口", "202109", "就近入学", "走读", "某镇某街5号",
     "13700003333", "是", "是", "否", "非留守儿童", "否",
     "视力残疾", "否", "家长接送", "G" + G2, "", "2510123001", "城关中学", "小学五年级", "2班",
     "王建国", "父亲", "13700003333", "是", "",
     "", "", "", "", ""],
    # A Hong Kong passport instead of an ID card: known by the student number; one parent away,
    # and no guardian marked, so member 1 is taken.
    ["3", "陈嘉欣", "女", "20160109", "香港", "广东省", "汉族", "中国香港", "香港特区护照/身份证明", "H12345678",
     "香港同胞", "健康或良好", "", "", "202209", "其他", "走读", "某镇某街8号",
     "", "是", "是", "否", "单亲留守儿童", "否",
     "无残疾", "否", "步行", "L51012320160109001A", "", "2510123001", "城关中学", "四年级", "1班",
     "陈美玲", "母亲", "13600004444", "", "",
     "", "", "", "", ""],
]

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "学生信息"
sheet.append(STUDENT_HEADER)
for row in STUDENTS:
    sheet.append([v if v != "" else None for v in row])
    for column in range(1, len(STUDENT_HEADER) + 1):
        sheet.cell(row=sheet.max_row, column=column).number_format = "@"
book.save("national-students.xlsx")

HOUSEHOLD_HEADER = ["序号", "户号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "与户主关系", "户主姓名",
                    "户口所在地行政区划", "住址", "所属派出所", "监护人", "联系电话"]
HOUSEHOLD = [
    ["1", "510123000101", "古丽·阿不都", "女", "维吾尔族", "2013-03-02", G1, "孙女", "帕丽旦", "510123101", "某镇某村3组", "城关派出所", "帕丽旦", "13900002222"],
    ["2", "510123000102", "王䶮", "男", "汉族", "2015-06-15", G2, "子", "王建国", "510123102", "某镇某街5号", "城关派出所", "王建国", "13700003333"],
]
with open("household-roster.csv", "wb") as f:
    lines = [",".join(HOUSEHOLD_HEADER)] + [",".join(row) for row in HOUSEHOLD]
    f.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))
