"""A small disclosure catalogue and a set of queries with the items a citizen wants first.

The queries test what word segmentation changes: traps where the query's characters
stand across a word boundary (市长 in 城市长远, 工资 in 职工资格), words found apart or in
another order, and ranking (the item about the subject before one that mentions it).
"""

# id: (title, category, text)
ITEMS = {
    "mayor-visit": (
        "市长到市档案馆调研档案工作",
        "leadership",
        "市长一行到市档案馆调研，听取档案工作汇报，要求做好档案安全工作。",
    ),
    "city-long-plan": (
        "城市长远发展规划档案整理方案",
        "plans",
        "为服务城市长远发展规划编制，整理历年城建档案，形成专题目录。",
    ),
    "director-meeting": (
        "局长主持召开局务会议",
        "leadership",
        "局长主持召开局务会议，研究部署第四季度重点工作。",
    ),
    "long-term-storage": (
        "档案局长期保存档案移交办法",
        "regulations",
        "本办法规定档案局长期保存档案的移交范围、移交程序和交接要求。",
    ),
    "talent": (
        "2026年档案专业人才引进公告",
        "personnel",
        "根据工作需要，面向社会公开引进档案专业人才五名，现将有关事项公告如下。",
    ),
    "approval-rule": (
        "档案查阅审批规定",
        "regulations",
        "查阅涉密档案的，只有经分管负责人才能审批，查阅人员应当登记。",
    ),
    "salary": (
        "局机关工作人员工资调整情况说明",
        "finance",
        "按照国家规定，调整局机关工作人员基本工资标准，所需资金由财政预算安排。",
    ),
    "qualification": (
        "档案系统职工资格审查结果公示",
        "personnel",
        "经审查，以下职工资格审查合格，现予公示，公示期五个工作日。",
    ),
    "investment": (
        "档案馆新馆建设投资金额公示",
        "finance",
        "档案馆新馆建设项目总投资金额为一亿二千万元，资金来源为财政拨款。",
    ),
    "funds": (
        "2026年档案事业专项资金使用情况",
        "finance",
        "专项资金主要用于档案数字化、档案安全设施改造和档案编研。",
    ),
    "contract": (
        "档案数字化外包服务合同公示",
        "finance",
        "档案数字化外包服务采购合同已签订，合同金额三百万元，合同期一年。",
    ),
    "joint-consent": (
        "关于联合同意开展档案资源共享的复函",
        "decisions",
        "经研究，我局联合同意市图书馆开展档案资源共享工作。",
    ),
    "social-topics": (
        "社会议题档案征集公告",
        "work-news",
        "面向社会征集反映重大社会议题的档案资料和口述史料。",
    ),
    "conference": (
        "全市档案工作会议召开",
        "work-news",
        "全市档案工作会议召开，总结2025年档案工作，部署2026年重点任务。",
    ),
    "local-plans": (
        "各地方案汇编：档案数字化转型",
        "plans",
        "汇编各地方案，介绍档案数字化转型的做法和经验。",
    ),
    "local-regulations": (
        "地方性档案法规规章清理结果",
        "regulations",
        "对现行有效的地方性档案法规和规章进行清理，废止三件，修改两件。",
    ),
    "safety-inspection": (
        "档案库房安全大检查通知",
        "work-news",
        "开展档案库房安全大检查，重点检查防火、防潮、防盗设施和制度落实情况。",
    ),
    "fire-drill": (
        "档案馆消防演练顺利举行",
        "work-news",
        "档案馆组织消防演练，提高应对火灾的能力，确保档案安全。",
    ),
    "digitization": (
        "馆藏档案数字化工作进展",
        "work-news",
        "截至十月底，馆藏档案数字化完成百分之八十，数字档案馆建设稳步推进。",
    ),
    "open-guide": (
        "政府信息公开指南（2026年修订）",
        "guide",
        "本指南说明主动公开和依申请公开政府信息的范围、方式和程序。",
    ),
    "annual-report": (
        "2025年政府信息公开工作年度报告",
        "annual-report",
        "本报告按照国家统一格式编制，包括主动公开、依申请公开、行政复议和诉讼情况。",
    ),
    "budget": (
        "局机关2026年部门预算",
        "finance",
        "公开本局2026年部门预算收支总表、财政拨款收支表及情况说明。",
    ),
    "final-accounts": (
        "局机关2025年部门决算",
        "finance",
        "公开本局2025年部门决算及三公经费支出情况。",
    ),
    "functions": (
        "市档案局主要职责",
        "organisation",
        "负责全市档案事业的统筹规划和组织协调，监督指导档案工作。",
    ),
    "leadership-list": (
        "市档案局领导班子成员及分工",
        "organisation",
        "局长主持全面工作，副局长分管业务指导、档案接收和信息化工作。",
    ),
    "powers-list": (
        "市档案局权力清单和责任清单",
        "powers",
        "公布本局行政检查、行政处罚等职权事项及其依据、流程和责任。",
    ),
    "penalty-rules": (
        "档案行政处罚裁量基准",
        "powers",
        "规范档案行政处罚自由裁量权，明确违法情形和处罚幅度。",
    ),
    "emergency-plan": (
        "档案突发事件应急预案",
        "emergency",
        "为有效应对水灾、火灾等突发事件，保障档案安全，制定本预案。",
    ),
    "flood-notice": (
        "汛期档案安全防范工作通知",
        "emergency",
        "进入汛期，各单位要做好档案库房防汛、防潮工作，确保档案安全。",
    ),
    "statistics": (
        "2025年全市档案事业统计数据",
        "statistics",
        "全市共有档案馆十二个，馆藏档案二百四十万卷，年接待查档八万人次。",
    ),
    "five-year-plan": (
        "全市档案事业发展第十五个五年规划",
        "plans",
        "明确十五五期间档案事业发展的目标任务和保障措施。",
    ),
    "recruitment": (
        "市档案馆2026年公开招聘工作人员公告",
        "personnel",
        "市档案馆公开招聘工作人员三名，报名时间为十二月一日至十日。",
    ),
    "training": (
        "全市档案业务培训班开班",
        "work-news",
        "培训班围绕档案收集、整理、保管和利用开展业务培训。",
    ),
    "records-transfer": (
        "机关档案移交进馆工作安排",
        "decisions",
        "明确2026年各机关到期档案移交进馆的时间、范围和要求。",
    ),
    "open-review": (
        "到期档案开放审核结果公告",
        "decisions",
        "经开放审核，一批到期档案向社会开放，可在阅览室查阅。",
    ),
    "other-notice": (
        "档案馆春节期间闭馆通知",
        "other",
        "春节期间档案馆闭馆，二月二十四日起恢复开放。",
    ),
}

# query: the ids of the items that answer it, the most relevant first
QUERIES = {
    "市长": ["mayor-visit"],
    "局长": ["director-meeting", "leadership-list"],
    "人才": ["talent"],
    "工资": ["salary"],
    "资金": ["funds", "salary", "investment"],
    "合同": ["contract"],
    "会议": ["conference", "director-meeting"],
    "地方": ["local-regulations"],
    "档案安全检查": ["safety-inspection"],
    "安全检查": ["safety-inspection"],
    "检查安全": ["safety-inspection"],
    "档案数字化": ["digitization", "contract", "local-plans", "funds"],
    "数字化工作": ["digitization"],
    "部门预算": ["budget"],
    "决算": ["final-accounts"],
    "信息公开年度报告": ["annual-report"],
    "年报": ["annual-report"],
    "权力清单": ["powers-list"],
    "行政处罚": ["penalty-rules", "powers-list"],
    "应急预案": ["emergency-plan"],
    "防汛": ["flood-notice"],
    "公开招聘": ["recruitment"],
    "招聘": ["recruitment"],
    "档案移交": ["records-transfer", "long-term-storage"],
    "开放审核": ["open-review"],
    "春节闭馆": ["other-notice"],
    "领导分工": ["leadership-list"],
    "统计数据": ["statistics"],
}
