#!/usr/bin/env python3
"""Writes the same messy student roster three ways, as offices send it: a GB18030 CSV with CRLF
(Excel's "CSV" on Chinese Windows), an .xlsx (openpyxl) and an .xls (xlwt, BIFF8). The Swift
tests import all three and expect the same rows. Run once; the files are committed.

    pip install openpyxl xlwt && python3 make-fixtures.py
"""
import datetime
import openpyxl
import xlwt

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECKS = "10X98765432"

def id_number(birth, sequence, region="510123"):
    body = f"{region}{birth}{sequence:03d}"
    return body + CHECKS[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]

HEADER = ["姓名", "性别", "出生日期", "身份证件号", "学校标识码", "年级", "班级", "就读方式", "是否建档立卡", "监护人姓名", "监护人电话", "备注"]
ROWS = [
    # name, sex, birth (date), id, school, grade (number), class, attendance, poor, guardian, phone, note
    ["古丽·阿不都", "女", datetime.date(2015, 3, 2), id_number("20150302", 2), "2510123001", 5, "1班", "住校", "是", "阿不都·热合曼", "13800001234", ""],
    ["王䶮", "男", datetime.date(2015, 6, 15), id_number("20150615", 1), "2510123001", 5, "2班", "走读", "否", "王建国", "13900005678", "生僻字"],
    ["李小明", "男", datetime.date(2016, 1, 9), id_number("20160109", 3), "2510123001", 4, "1班", "走读", "否", "李四", "", ""],
    ["", "", None, "", "", None, "", "", "", "", "", ""],  # an empty row in the middle
    ["赵 敏", "女", datetime.date(2014, 11, 30), id_number("20141130", 4), "2510123001", 6, "3班", "住校", "否", "赵六", "13700009999", "姓名中有空格"],
]

def text(value):
    if value is None: return ""
    if isinstance(value, datetime.date): return value.isoformat()
    return str(value)

with open("messy-roster.csv", "wb") as f:
    lines = [",".join(HEADER)] + [",".join(text(v) for v in row) for row in ROWS]
    f.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "学生名单"
sheet.append(HEADER)
for row in ROWS:
    sheet.append([v if v != "" else None for v in row])
    cell = sheet.cell(row=sheet.max_row, column=3)
    if isinstance(cell.value, datetime.date): cell.number_format = "yyyy/m/d"
    sheet.cell(row=sheet.max_row, column=4).number_format = "@"
book.create_sheet("说明").append(["本表由学籍系统导出"])
book.save("messy-roster.xlsx")

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("学生名单")
dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
for column, title in enumerate(HEADER):
    sheet.write(0, column, title)
for index, row in enumerate(ROWS, start=1):
    for column, value in enumerate(row):
        if value is None or value == "": continue
        sheet.write(index, column, value, dates if isinstance(value, datetime.date) else xlwt.Style.default_style)
book.add_sheet("说明").write(0, 0, "本表由学籍系统导出")
book.save("messy-roster.xls")
