"""Development corpus: answers to the conflict questions (see corpus_spec.py for the markup)."""

from __future__ import annotations

from corpus_spec import Answer

S, T, A, R = "situation", "task", "action", "result"

CONFLICT: tuple[Answer, ...] = (
    # ---- names its parts, no red flags ------------------------------------------------------
    Answer(
        name="c_api_versioning",
        question_id="conflict-disagreed-with-colleague",
        description="Two engineers disagree about breaking an API; names the parts, calm, "
        "trap 'you know what I mean'.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was that a colleague and I both owned parts of our public API, and "
                "he wanted to rename a whole set of fields in one release.",
                "I thought it would break about forty of our partners' integrations.",
            )),
            (T, (
                "My task was to get us to one decision before the release planning on Friday, "
                "without it turning into a fight in front of the whole team.",
            )),
            (A, (
                "What I did first was ask him for half an hour on his own, and I asked him to "
                "walk me through why he wanted it.",
                "His reason was good: the old names confused every new partner, and support spent "
                "hours on it every week.",
                "I showed him the list of partners still using the old fields, and I asked him, "
                "do you know what I mean by breaking, in numbers?",
                "We agreed to add the new names next to the old ones, warn partners, and remove "
                "the old ones after six months.",
            )),
            (R, (
                "The result was that not a single partner broke, and support tickets about field "
                "names went down by about half.",
                "I learned that asking why before arguing saves both of us a lot of time.",
                "Now when I disagree with someone, I ask for their reasons in private before any "
                "meeting.",
            )),
        ),
        strengths=(
            ("quantified_result", "went down by about half"),
            ("learning", "I learned that asking why before arguing"),
            ("change", "Now when I disagree with someone"),
        ),
        traps=(("you know", "do you know what I mean by breaking"),
               ("i mean", "what I mean by breaking")),
    ),
    Answer(
        name="c_hospital_rota",
        question_id="conflict-mediated-teammates",
        description="Charge nurse mediating two nurses fighting over the rota; names the "
        "parts, fillers.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation was on a busy medical ward, where I was the charge nurse.",
                "Two of my senior nurses had stopped speaking to each other over the weekend "
                "rota, and, {you know,} the whole team could feel it.",
            )),
            (T, (
                "My task was to get them working together again before it affected the patients, "
                "and to fix the rota so it felt fair.",
            )),
            (A, (
                "I spoke to each of them on their own first, and I mostly listened.",
                "One felt she always got the weekends because she had no children, and the "
                "other felt she was being blamed for having a family.",
                "{Um,} then I brought them together, and I put the last six months of rotas on "
                "the table, so that we were arguing about facts and not feelings.",
                "We agreed on a simple rule, everyone works one weekend in three, and swaps are "
                "written down.",
            )),
            (R, (
                "The result was that within a month they were covering for each other again, and "
                "sick days on the ward dropped that quarter.",
                "I learned that most arguments about fairness go away when the numbers are on "
                "the table.",
                "I now publish the rota rules for every team I run.",
            )),
        ),
        strengths=(
            ("learning", "I learned that most arguments about fairness"),
            ("change", "I now publish the rota rules"),
        ),
        traps=(("so", "rota so it felt fair"), ("so", "so that we were arguing")),
        features=("fillers",),
    ),
    Answer(
        name="c_client_scope",
        question_id="conflict-difficult-stakeholder",
        description="Agency account manager with a client who keeps adding scope; names the "
        "parts, numbers, run-on.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a website project for a furniture retailer, and their marketing "
                "head was sending us new requests almost every day, and each one came with the "
                "same launch date, and my designers were starting to burn out.",
            )),
            (T, (
                "My task as the account manager was to keep the client happy and still launch on "
                "the date in the contract.",
            )),
            (A, (
                "I asked her for a meeting at her office, and I asked what she was worried about.",
                "It turned out her director had promised the board a new site by spring, and she "
                "was scared of missing anything.",
                "I listed every request on one page with its cost in days, and we went through "
                "them together.",
                "She picked the twelve that mattered for the launch, and we put the other twenty "
                "in a second phase.",
            )),
            (R, (
                "The outcome was that we launched on the date, and the second phase became a new "
                "contract worth about thirty thousand.",
                "I learned that a difficult client is usually a worried one.",
                "Since then I start every project with a one page list of what is in and what is "
                "out.",
            )),
        ),
        strengths=(
            ("quantified_result", "worth about thirty thousand"),
            ("learning", "I learned that a difficult client"),
            ("change", "Since then I start every project"),
        ),
        features=("run_on", "numbers"),
    ),
    Answer(
        name="c_pushback_layoffs",
        question_id="conflict-pushed-back-on-manager",
        description="Warehouse supervisor pushing back on cutting a shift; names the parts, "
        "committed to the final decision.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was that my manager wanted to cut our night shift to save money.",
                "I supervised that shift, and I thought it would push orders into the morning "
                "and miss next day delivery.",
            )),
            (T, (
                "My task was to make the case honestly, with numbers, and then go with whatever "
                "he decided.",
            )),
            (A, (
                "I pulled three months of order data, {um,} and I showed him that about a third of "
                "our next day orders were packed between ten at night and four in the morning.",
                "I also said I might be wrong about how fast the day shift could absorb it, and "
                "I offered a two week trial.",
                "{Uh,} we ran the trial with half the night shift.",
            )),
            (R, (
                "The result was that late deliveries doubled during the trial, so he kept the "
                "night shift and cut some weekend overtime instead.",
                "I learned that bringing data and an offer to test beats arguing from "
                "experience.",
                "Now I bring a small trial to every disagreement with my manager.",
            )),
        ),
        strengths=(
            ("quantified_result", "late deliveries doubled"),
            ("learning", "I learned that bringing data"),
            ("change", "Now I bring a small trial"),
        ),
        traps=(("so", "so he kept the night shift"),),
        features=("numbers",),
    ),
    Answer(
        name="c_research_credit",
        question_id="conflict-disagreed-with-colleague",
        description="Postdoc disagreeing over authorship order; names the parts, hesitant, "
        "long pause.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a paper that a colleague and I had worked on for a year.",
                "When the draft came round, she had put herself as first author, and I had done "
                "most of the experiments.",
            )),
            (T, (
                "My task was to sort it out with her directly, without going over her head to "
                "our professor.",
            )),
            (A, (
                "[2.4] I waited a day, so I wouldn't say something I'd regret.",
                "Then I asked her for coffee, and I said I was surprised by the order, and "
                "asked how she saw our parts.",
                "She said she had written the whole grant and most of the paper, which was true.",
                "We looked at the journal's guidelines together, and we agreed to list us as "
                "joint first authors.",
            )),
            (R, (
                "The result was that the paper went out with both of us first, and we have "
                "written two more papers together since.",
                "I learned that I only saw my own half of the work.",
                "Now I agree authorship at the start of every project, in writing.",
            )),
        ),
        strengths=(
            ("learning", "I learned that I only saw my own half"),
            ("change", "Now I agree authorship at the start"),
        ),
        traps=(("so", "so I wouldn't say something"),),
        features=("long_pause",),
    ),
    Answer(
        name="c_retail_manager",
        question_id="conflict-pushed-back-on-manager",
        description="Shop assistant manager pushing back on a discount plan; names the parts, "
        "lexical fillers and trap 'like this'.",
        names_parts=True,
        sections=(
            (S, (
                "{Uh,} the situation: my store manager wanted to run a fifty percent sale on "
                "our whole winter range in October.",
            )),
            (T, (
                "My task, {I mean,} I was assistant manager, was to plan the sale, but I thought "
                "it would wipe out our margin for the whole season.",
            )),
            (A, (
                "I asked if we could talk before I started, and I brought the sales from the "
                "year before.",
                "I said, I think a sale like this in October teaches customers to wait for "
                "discounts.",
                "She explained that head office was pushing her to clear stock, which I hadn't "
                "known.",
                "{So} we agreed on a smaller sale on the slow lines only, and we reviewed it after "
                "two weeks.",
            )),
            (R, (
                "The result was that we cleared most of the slow stock and kept full price on the "
                "best sellers, and our margin that season was the best in the region.",
                "I learned to ask what pressure my manager is under before I push back.",
                "Now I always ask that question first.",
            )),
        ),
        strengths=(
            ("learning", "I learned to ask what pressure"),
            ("change", "Now I always ask that question first"),
        ),
        traps=(("like", "a sale like this"),),
        features=("fillers",),
    ),
    Answer(
        name="c_teacher_parent",
        question_id="conflict-difficult-stakeholder",
        description="Primary teacher with an angry parent; names the parts, short, brisk.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a parent who emailed me almost every day, angry about her "
                "son's reading group.",
            )),
            (T, (
                "My task was to keep her on side while keeping him in the group that fitted him.",
            )),
            (A, (
                "I invited her in and showed her his reading records and two pieces of his work.",
                "I listened to her worries, and I agreed to send her a short note every Friday.",
            )),
            (R, (
                "The result was that the daily emails stopped, {um,} and by spring he moved up a "
                "group.",
                "I learned that parents mostly want to see the evidence.",
                "Now I share records with parents early, before they ask.",
            )),
        ),
        strengths=(
            ("learning", "I learned that parents mostly want to see the evidence"),
            ("change", "Now I share records with parents early"),
        ),
        features=("short",),
    ),
    Answer(
        name="c_design_vs_dev",
        question_id="conflict-mediated-teammates",
        description="Team lead mediating a designer and a developer; names the parts, "
        "repeat, sort of as filler, trap 'the sort of'.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a designer and a developer on my team who kept clashing over "
                "animations in our app.",
                "She kept sending detailed designs, and he kept building simpler versions "
                "without telling her.",
            )),
            (T, (
                "As their lead, {uh,} my task was to stop it becoming personal and get the feature "
                "out.",
            )),
            (A, (
                "I met each of them, and <I, I> realised they were both, {sort of,} right.",
                "{Um,} her designs were good, and his worry was that the phones our customers used "
                "were slow.",
                "I got them in a room with two cheap phones, and they tested the animations "
                "together.",
                "It was the sort of thing neither of them could argue with.",
            )),
            (R, (
                "The result was that they agreed on lighter animations, shipped the feature a "
                "week later, and started pairing on every screen.",
                "I learned that a shared test settles things better than a meeting.",
                "Now I put people who disagree in front of the real thing together.",
            )),
        ),
        strengths=(
            ("learning", "I learned that a shared test settles things"),
            ("change", "Now I put people who disagree"),
        ),
        traps=(("sort of", "the sort of thing"),),
        features=("repeat", "fillers"),
    ),
    # ---- names its parts, red flags -------------------------------------------------------
    Answer(
        name="c_flag_villain",
        question_id="conflict-disagreed-with-colleague",
        description="A villain story: the colleague is the problem; names the parts, no "
        "lesson, no change.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation was a colleague on the data team who was honestly impossible "
                "to work with.",
            )),
            (T, (
                "{Uh,} my task was to get a monthly report out with him.",
            )),
            (A, (
                "He refused to use the template everyone else used, and he never answered "
                "messages on time.",
                "I sent him reminders, I copied in his manager, and in the end I just did his "
                "part myself.",
            )),
            (R, (
                "{Um,} the result was that the report went out, but it was late every month.",
                "He left the company about six months later.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "a colleague on the data team who was honestly impossible"),
            ("blame_shifting", "he never answered messages on time"),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("short",),
    ),
    Answer(
        name="c_flag_we_stakeholder",
        question_id="conflict-difficult-stakeholder",
        description="Difficult stakeholder told entirely with 'we'; outside causes, lesson "
        "without change.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a big insurance client, and we were rolling out a new claims "
                "system for them.",
            )),
            (T, (
                "{Uh,} our task was to go live in their three regional offices by June.",
            )),
            (A, (
                "We ran workshops, we wrote the training, we set up the test systems, and we "
                "changed the forms they didn't like.",
                "Their operations director kept cancelling our meetings, and the regulator "
                "changed the reporting rules halfway through.",
                "{Um,} we worked around it as well as we could.",
            )),
            (R, (
                "The result was that we went live in two offices, and the third was pushed to "
                "the next year.",
                "We learned that some clients just don't want to change.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "Their operations director kept cancelling our meetings"),
            ("external_factors", "the regulator changed the reporting rules"),
            ("ownership", None),
            ("no_change", None),
        ),
        traps=(("like", "the forms they didn't like"),),
        features=("we_heavy",),
    ),
    Answer(
        name="c_flag_winning",
        question_id="conflict-pushed-back-on-manager",
        description="Pushing back to win, with a humble brag; names the parts, fillers.",
        names_parts=True,
        sections=(
            (S, (
                "{Um,} the situation was my manager wanted to move our team to a new project "
                "tool.",
            )),
            (T, (
                "My task was, {basically,} to help roll it out, but I knew it was a bad idea.",
            )),
            (A, (
                "I'm just the kind of person who always speaks up, even when it's not popular.",
                "I sent her a long email with every problem I could find, and I raised it again "
                "in the team meeting.",
                "{You know,} I kept at it until she gave up on the idea.",
            )),
            (R, (
                "The result was that we stayed on the old tool, which proved I was right.",
                "I guess I learned that persistence pays off.",
            )),
        ),
        red_flags=(
            ("humble_brag", "I'm just the kind of person who always speaks up"),
            ("no_change", None),
        ),
        traps=(("kind of", "the kind of person"),),
        features=("fillers",),
    ),
    Answer(
        name="c_flag_teammates_blame",
        question_id="conflict-mediated-teammates",
        description="Mediation story that blames one side and the reorganisation; names the "
        "parts, run-on.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation was two people on my support team who couldn't stand each "
                "other, and one of them was always late with her tickets and the other one "
                "complained about it to everyone, and the reorganisation that spring had made "
                "the whole team tense anyway.",
            )),
            (T, (
                "My task was to stop the complaining.",
            )),
            (A, (
                "I told the one who was late that she needed to pull her weight, and I moved the "
                "other one to a different shift.",
            )),
            (R, (
                "The result was that the complaints stopped, though the late one left a couple "
                "of months later.",
                "Some people just aren't a good fit.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "one of them was always late with her tickets"),
            ("external_factors", "the reorganisation that spring had made the whole team tense"),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("run_on", "short"),
    ),
    # ---- never names its parts, no red flags -----------------------------------------------
    Answer(
        name="c_budget_split",
        question_id="conflict-disagreed-with-colleague",
        description="Two marketing leads fighting over one budget; implicit, I-led, numbers.",
        names_parts=False,
        sections=(
            (S, (
                "Last year I ran paid search for an online travel company, and my colleague ran "
                "social media.",
                "We shared one budget of about two hundred thousand a quarter, and we both "
                "thought the other was wasting it.",
            )),
            (T, (
                "Our director asked the two of us to agree on a split by the end of the month, "
                "or she would decide for us.",
            )),
            (A, (
                "I suggested we stop arguing about opinions and measure it.",
                "I sat down with her and we agreed on one number to judge both channels: "
                "bookings within thirty days of a click.",
                "I shared my own data first, including the campaigns that had done badly.",
                "We ran the same test for four weeks, and we moved money every week based on the "
                "numbers.",
            )),
            (R, (
                "Search came out ahead for flights and social for holidays, so we split it that "
                "way, and bookings per pound went up about fifteen percent.",
                "She and I still have lunch every month.",
                "It taught me that a shared measure ends an argument faster than a good speech.",
                "Now I suggest the measure before I give my opinion.",
            )),
        ),
        strengths=(
            ("quantified_result", "went up about fifteen percent"),
            ("learning", "It taught me that a shared measure"),
            ("change", "Now I suggest the measure"),
        ),
        traps=(("so", "so we split it that way"),),
        features=("given_task", "numbers"),
    ),
    Answer(
        name="c_chef_owner",
        question_id="conflict-pushed-back-on-manager",
        description="Head chef pushing back on the owner's cheaper supplier; implicit, fillers "
        "and traps 'I would like', 'felt like'.",
        names_parts=False,
        sections=(
            (S, (
                "I was head chef at a small bistro, and the owner wanted to switch our meat "
                "supplier to a cheaper one.",
                "Honestly, it felt like a step backwards to me, because the quality was the "
                "reason people came.",
            )),
            (T, (
                "It was his restaurant, so in the end it was his call, but he had asked for my "
                "view.",
            )),
            (A, (
                "I said I would like to cook the same dish with both suppliers, side by side.",
                "{Um,} we did a tasting with him, two waiters, and three regular customers.",
                "I also worked out what the cheaper meat would save in a year, which was, {like,} "
                "about six thousand.",
                "Everyone picked the original supplier, and I offered to find the savings "
                "elsewhere.",
            )),
            (R, (
                "We kept the supplier, and I cut our waste by changing the menu portions, which "
                "saved about four thousand.",
                "I learned that a tasting persuades people better than I do.",
                "Now when I disagree with the owner, I suggest a small test first.",
            )),
        ),
        strengths=(
            ("quantified_result", "saved about four thousand"),
            ("learning", "I learned that a tasting persuades"),
            ("change", "Now when I disagree with the owner"),
        ),
        traps=(("like", "it felt like a step backwards"), ("like", "I would like to cook"),
               ("so", "so in the end it was his call")),
        features=("fillers",),
    ),
    Answer(
        name="c_open_office",
        question_id="conflict-mediated-teammates",
        description="Office manager mediating noise complaints; implicit, hesitant, long "
        "pause.",
        names_parts=False,
        sections=(
            (S, (
                "In my last job I managed a shared office for about forty people.",
                "The sales team made a lot of calls, and the finance team next to them kept "
                "complaining about the noise.",
            )),
            (T, (
                "{Uh,} it had got to the point where people were sending angry emails to the whole "
                "office, and my boss asked me to calm it down.",
            )),
            (A, (
                "I asked both team leads what a good day looked like for their people.",
                "Sales needed to be on the phone from nine to twelve, and finance needed quiet "
                "at the end of each month.",
                "[2.6] <I, I> drew up a floor plan that moved finance to the far side, and I set "
                "up two quiet rooms anyone could book.",
                "{Um,} I showed the plan to both teams before we moved a single desk.",
            )),
            (R, (
                "The complaints stopped within a couple of weeks, and the two leads started "
                "sharing their calendars for month end.",
                "I learned to ask what people need instead of what they're angry about.",
                "I still start every office change by asking that.",
            )),
        ),
        strengths=(
            ("learning", "I learned to ask what people need"),
            ("change", "I still start every office change"),
        ),
        traps=(("like", "a good day looked like"),),
        features=("given_task", "long_pause", "repeat"),
    ),
    Answer(
        name="c_vendor_contract",
        question_id="conflict-difficult-stakeholder",
        description="Procurement officer with an aggressive supplier; implicit, numbers, "
        "result then action again.",
        names_parts=False,
        sections=(
            (S, (
                "I was in procurement for a hospital trust, and one of our cleaning suppliers "
                "wanted a twenty percent price rise mid contract.",
                "Their account director was pretty aggressive on the phone.",
            )),
            (T, (
                "{Uh,} I was accountable for keeping the contract within budget without losing the "
                "service.",
            )),
            (A, (
                "I asked to meet in person, and I asked him to show me where his costs had gone "
                "up.",
                "{Um,} most of it was wages, which was fair.",
            )),
            (R, (
                "We settled at eight percent for the first year.",
            )),
            (A, (
                "Then I offered a longer contract in exchange for a fixed price, and I brought in "
                "our ward managers to agree what cleaning mattered most.",
            )),
            (R, (
                "We signed a three year deal at that price, and complaints about cleaning fell.",
                "I learned that aggression usually hides a real cost problem.",
                "Now I ask suppliers for their numbers before I argue about mine.",
            )),
        ),
        strengths=(
            ("quantified_result", "We settled at eight percent"),
            ("learning", "I learned that aggression usually hides"),
            ("change", "Now I ask suppliers for their numbers"),
        ),
        features=("returns", "numbers"),
    ),
    Answer(
        name="c_code_style",
        question_id="conflict-disagreed-with-colleague",
        description="Two developers arguing about tests; implicit, lexical fillers, trap "
        "'tools like'.",
        names_parts=False,
        sections=(
            (S, (
                "On my last team a senior developer and I disagreed about tests.",
                "He wanted every change covered by end to end tests, and I thought they were, "
                "{kind of,} slowing us down.",
            )),
            (T, (
                "We were about to set the rules for a new service, and the team wanted the two "
                "of us to agree first.",
            )),
            (A, (
                "I asked him what had burned him in the past, {uh,} and he told me about an outage "
                "that unit tests had missed.",
                "{Um,} that changed how I saw it.",
                "<We, we> looked at tools like contract testing together, and we tried it on one "
                "service for a month.",
                "{I mean,} it caught two real bugs in that month.",
            )),
            (R, (
                "We agreed on contract tests for every service plus a handful of end to end "
                "tests, and our build time stayed under ten minutes.",
                "I learned that strong opinions usually come from a bad experience worth hearing.",
                "Now I ask for the story behind an opinion before I answer it.",
            )),
        ),
        strengths=(
            ("learning", "I learned that strong opinions"),
            ("change", "Now I ask for the story behind an opinion"),
        ),
        traps=(("like", "tools like contract testing"),),
        features=("fillers", "repeat"),
    ),
    Answer(
        name="c_festival_council",
        question_id="conflict-difficult-stakeholder",
        description="Festival organiser and a council officer; implicit, we and I, given "
        "task, numbers.",
        names_parts=False,
        sections=(
            (S, (
                "I helped organise a food festival in our town, and the council's licensing "
                "officer kept refusing our plans.",
            )),
            (T, (
                "{Uh,} the committee gave me the job of getting the licence for two days and eight "
                "thousand visitors.",
            )),
            (A, (
                "{Um,} I went to see her instead of emailing, and I asked what worried her most.",
                "It was crowd safety at the narrow end of the high street.",
                "I hired a safety adviser, we redrew the site with a second exit, and I sent her "
                "the plan a month early.",
            )),
            (R, (
                "We got the licence, almost ten thousand people came, and there were no "
                "incidents.",
                "She now calls me when other events need advice.",
                "I learned that the person blocking you often has a real fear you can fix.",
                "Now I meet the licensing officer before I plan anything.",
            )),
        ),
        strengths=(
            ("quantified_result", "almost ten thousand people came"),
            ("learning", "I learned that the person blocking you"),
            ("change", "Now I meet the licensing officer"),
        ),
        features=("given_task", "numbers"),
    ),
    Answer(
        name="c_call_centre_targets",
        question_id="conflict-pushed-back-on-manager",
        description="Call centre team leader pushing back on call time targets; implicit, "
        "run-on, filled pauses.",
        names_parts=False,
        sections=(
            (S, (
                "I was a team leader in a call centre for an energy company, and my manager set "
                "a new target that every call should be under four minutes, and my team handled "
                "the complicated billing complaints, {um,} which almost never took four minutes.",
            )),
            (T, (
                "I had to either hit the target or change his mind, and I didn't want my team "
                "rushing customers off the phone.",
            )),
            (A, (
                "I pulled a month of our calls and showed him that the short calls had twice as "
                "many customers calling back.",
                "{Uh,} I suggested a different target for my team, first call resolution, and "
                "offered to report it every week.",
                "He agreed to try it for a quarter.",
            )),
            (R, (
                "Repeat calls dropped by about a quarter, and two other teams moved to the same "
                "target the next year.",
                "I learned to bring the cost of a target, not just my opinion of it.",
                "Now I check what a new target would do to customers before I roll it out.",
            )),
        ),
        strengths=(
            ("quantified_result", "Repeat calls dropped by about a quarter"),
            ("learning", "I learned to bring the cost of a target"),
            ("change", "Now I check what a new target"),
        ),
        features=("run_on", "fillers", "numbers"),
    ),
    Answer(
        name="c_lab_equipment",
        question_id="conflict-mediated-teammates",
        description="Lab manager mediating two researchers over a shared microscope; "
        "implicit, short, missing task.",
        names_parts=False,
        sections=(
            (S, (
                "Two researchers in my lab were fighting over time on our one good microscope.",
                "One of them had started booking whole weeks at a time.",
            )),
            (A, (
                "I talked to each of them, and I found that she booked whole weeks because her "
                "samples couldn't wait.",
                "I set up a booking calendar with half day slots and an emergency slot each day.",
            )),
            (R, (
                "The arguments stopped, and both of them published that year.",
                "I learned that scarce equipment needs clear rules, not goodwill.",
                "Now I set booking rules for any shared kit on day one.",
            )),
        ),
        strengths=(
            ("learning", "I learned that scarce equipment needs clear rules"),
            ("change", "Now I set booking rules"),
        ),
        features=("missing_task", "short"),
    ),
    Answer(
        name="c_finance_deadline",
        question_id="conflict-disagreed-with-colleague",
        description="Accountant and a sales colleague arguing over expense claims; implicit, "
        "trap 'so far', 'let you know'.",
        names_parts=False,
        sections=(
            (S, (
                "I worked in finance at a software company, and the sales team was always late "
                "with expense claims.",
                "One sales manager in particular used to send me forty receipts on the last day "
                "of the month.",
            )),
            (T, (
                "{Uh,} I needed the claims three days before month end to close the books on time.",
            )),
            (A, (
                "We had some tense emails, so I walked over to his desk instead.",
                "He told me his people were travelling all week and had no time for paperwork.",
                "I set up a phone app where they could photograph receipts on the go, and I said, "
                "I'll let you know when anyone is behind.",
                "So far that was the missing piece.",
            )),
            (R, (
                "Late claims dropped from about forty a month to five, and we closed on time "
                "every month that year.",
                "I learned that people are late when the process fits my day and not theirs.",
                "Now I ask the people doing a process to help design it.",
            )),
        ),
        strengths=(
            ("quantified_result", "from about forty a month to five"),
            ("learning", "I learned that people are late"),
            ("change", "Now I ask the people doing a process"),
        ),
        traps=(("so", "so I walked over"), ("you know", "let you know when"),
               ("so", "So far that was")),
        features=("numbers",),
    ),
    Answer(
        name="c_product_roadmap",
        question_id="conflict-difficult-stakeholder",
        description="Product manager with a sales director demanding features; implicit, "
        "brisk, lexical fillers.",
        names_parts=False,
        sections=(
            (S, (
                "I was a product manager, and our sales director kept promising customers "
                "features that weren't on the roadmap.",
                "{Basically,} every week there was a new urgent request.",
            )),
            (T, (
                "I had to keep the team focused on the plan we had agreed with the leadership "
                "team.",
            )),
            (A, (
                "I set up a fortnightly half hour with him, {um,} just the two of us.",
                "{Uh,} I asked which deals each request was tied to, and how much they were worth.",
                "{You know,} once we put numbers next to them, he dropped most of them himself.",
                "Two were worth it, and I moved them up the roadmap and told the team why.",
            )),
            (R, (
                "Those two features helped close about half a million in new contracts.",
                "He stopped promising features without talking to me first.",
                "I learned that a regular slot works better than fighting every request.",
                "I now set up a standing meeting with anyone who keeps asking me for things.",
            )),
        ),
        strengths=(
            ("quantified_result", "about half a million"),
            ("learning", "I learned that a regular slot works better"),
            ("change", "I now set up a standing meeting"),
        ),
        features=("fillers",),
    ),
    Answer(
        name="c_editor_writer",
        question_id="conflict-disagreed-with-colleague",
        description="Newspaper sub-editor and a reporter arguing over a headline; implicit, "
        "first person, short.",
        names_parts=False,
        sections=(
            (S, (
                "I was a sub editor at a regional paper, and a reporter was furious that I had "
                "rewritten his headline.",
            )),
            (T, (
                "We had an hour before the page went to print, and I needed us both to be happy "
                "with it.",
            )),
            (A, (
                "I asked him what the story was really about, in one sentence.",
                "His sentence was better than my headline and better than his, so we used "
                "that.",
            )),
            (R, (
                "The page went on time, and he started sending me a one line summary with every "
                "story.",
                "I learned that the writer usually knows the story best.",
                "I now ask for that one sentence before I write any headline.",
            )),
        ),
        strengths=(
            ("learning", "I learned that the writer usually knows"),
            ("change", "I now ask for that one sentence"),
        ),
        traps=(("so", "so we used that"),),
        features=("short",),
    ),
    Answer(
        name="c_manager_estimate",
        question_id="conflict-pushed-back-on-manager",
        description="Developer pushing back on a deadline; implicit, repeat, filled pauses, "
        "the manager wins.",
        names_parts=False,
        sections=(
            (S, (
                "My manager had promised a customer a new reporting feature in two weeks.",
                "When I looked at it, {uh,} I thought it needed at least five.",
            )),
            (T, (
                "I needed to tell him that without sounding like I just didn't want to do it.",
            )),
            (A, (
                "I broke the work into pieces and put an estimate on each one, with the risky "
                "parts marked.",
                "<I, I> showed him the list and said, {um,} here's what we can do in two weeks, "
                "and here's what needs five.",
                "He still wanted the full feature, so I asked for one more developer, and he "
                "agreed.",
            )),
            (R, (
                "We delivered in three and a half weeks, and the customer was fine once he told "
                "them early.",
                "I learned that showing the pieces works better than arguing about the total.",
                "Now I always bring a broken down estimate when I disagree about a deadline.",
            )),
        ),
        strengths=(
            ("learning", "I learned that showing the pieces"),
            ("change", "Now I always bring a broken down estimate"),
        ),
        traps=(("like", "sounding like I just"), ("so", "so I asked for one more")),
        features=("repeat", "fillers"),
    ),
    Answer(
        name="c_volunteers_split",
        question_id="conflict-mediated-teammates",
        description="Charity shop volunteer coordinator with two volunteers at odds; implicit, "
        "hesitant, we and I.",
        names_parts=False,
        sections=(
            (S, (
                "I coordinate volunteers at a charity shop, and two of our longest serving "
                "volunteers had a falling out over how to price donations.",
                "One priced everything low to sell fast, and the other priced high to raise more.",
            )),
            (T, (
                "It was upsetting the newer volunteers, {um,} and I wanted to keep both of them.",
            )),
            (A, (
                "{Uh,} I had a cup of tea with each of them and listened.",
                "Then I suggested we test both ways for a month, one rail each, and count what "
                "sold.",
                "We looked at the numbers together at the end of the month.",
            )),
            (R, (
                "The middle prices did best, so we agreed a simple price list, and both of them "
                "still volunteer every week.",
                "I learned that a fair test takes the heat out of an argument.",
                "Now I suggest a trial whenever volunteers disagree about how to do something.",
            )),
        ),
        strengths=(
            ("learning", "I learned that a fair test"),
            ("change", "Now I suggest a trial"),
        ),
        traps=(("so", "so we agreed a simple price list"),),
    ),
    Answer(
        name="c_architect_client",
        question_id="conflict-difficult-stakeholder",
        description="Architect with a homeowner who keeps changing the brief; implicit, run-on, "
        "'I mean' filler and 'I mean it' trap.",
        names_parts=False,
        sections=(
            (S, (
                "I'm an architect, and a few years ago I had a client who changed the design of "
                "his house extension every time we met, and each change meant new drawings, and "
                "the builder was waiting to start.",
            )),
            (T, (
                "I had to get a final design signed off within a month, {um,} or we would lose the "
                "builder's slot until the next year.",
            )),
            (A, (
                "I asked him and his wife to come to the office together, and I found out they "
                "disagreed with each other about the kitchen.",
                "{I mean,} every change was really one of them winning a round.",
                "I made a simple model of two options and let them walk through it, and I said, "
                "I mean it, we have to pick one today.",
            )),
            (R, (
                "{Uh,} they chose one in that meeting, and the builder started on time.",
                "I learned that a client who keeps changing their mind may be two clients.",
                "I now meet every person who lives in the house before I draw anything.",
            )),
        ),
        strengths=(
            ("learning", "I learned that a client who keeps changing"),
            ("change", "I now meet every person who lives in the house"),
        ),
        traps=(("i mean", "I mean it, we have to pick one"),),
        features=("run_on", "fillers"),
    ),
    # ---- never names its parts, red flags --------------------------------------------------
    Answer(
        name="c_flag_avoidance",
        question_id="conflict-disagreed-with-colleague",
        description="Conflict that faded because nobody raised it; we-heavy, no lesson.",
        names_parts=False,
        sections=(
            (S, (
                "We had a disagreement on our team about whether to rewrite the mobile app or "
                "keep patching it.",
            )),
            (T, (
                "{Um,} we needed to decide before the next planning cycle.",
            )),
            (A, (
                "{Uh,} we talked about it in a few meetings, but we never really got anywhere.",
                "We decided to keep patching for now, and we put the rewrite on the list for "
                "later.",
                "We didn't want to make it a big thing.",
            )),
            (R, (
                "In the end the topic just sort of went away.",
                "We're still patching it today.",
            )),
        ),
        red_flags=(
            ("ownership", None),
            ("no_learning", None),
            ("no_change", None),
        ),
        traps=(("sort of", "just sort of went away"),),
        features=("we_heavy", "short"),
    ),
    Answer(
        name="c_flag_difficult_boss",
        question_id="conflict-pushed-back-on-manager",
        description="Pushback story blaming the manager and head office; lexical fillers; "
        "lesson without change.",
        names_parts=False,
        sections=(
            (S, (
                "{So,} my old manager was, {like,} a micromanager, and she never trusted anyone "
                "on the team to make a decision.",
            )),
            (T, (
                "{Um,} she wanted every email to a customer to go through her first.",
            )),
            (A, (
                "I told her in a one to one that it was slowing us down, and she didn't really "
                "listen.",
                "Head office was putting pressure on her too, so there was nothing I could do.",
                "{Uh,} I just kept sending the emails through her.",
            )),
            (R, (
                "Nothing changed until she moved to another department.",
                "I learned that you can't change some managers.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "she never trusted anyone on the team"),
            ("external_factors", "Head office was putting pressure on her too"),
            ("no_change", None),
        ),
        traps=(("so", "so there was nothing I could do"),),
        features=("fillers", "short"),
    ),
    Answer(
        name="c_flag_too_honest",
        question_id="conflict-mediated-teammates",
        description="Mediation with a humble brag and blame; hesitant.",
        names_parts=False,
        sections=(
            (S, (
                "Two of my developers were arguing about code reviews, and it got quite "
                "personal.",
            )),
            (T, (
                "{Um,} I needed to sort it out before our release.",
            )),
            (A, (
                "My problem is that I'm too honest, I just tell people exactly what I think.",
                "I told them both that they were acting like children, and that I expected "
                "better.",
                "One of them was the real problem, to be honest, he was always so defensive.",
            )),
            (R, (
                "{Uh,} they stopped arguing in front of me, and we made the release.",
                "I think it showed them I take professionalism seriously.",
            )),
        ),
        red_flags=(
            ("humble_brag", "I'm too honest, I just tell people exactly what I think"),
            ("blame_shifting", "One of them was the real problem"),
            ("no_learning", None),
            ("no_change", None),
        ),
        traps=(("like", "acting like children"),),
    ),
    Answer(
        name="c_flag_we_partner",
        question_id="conflict-difficult-stakeholder",
        description="Partner dispute told with 'we'; outside causes; no lesson.",
        names_parts=False,
        sections=(
            (S, (
                "We were working with a logistics partner who handled all of our deliveries in "
                "the north.",
                "We had a lot of complaints about late parcels.",
            )),
            (T, (
                "{Um,} we had to get on time delivery back above ninety percent.",
            )),
            (A, (
                "We held weekly calls with them, we shared the complaint data, and we set up a "
                "penalty clause.",
                "Fuel prices were going up and there was a shortage of drivers everywhere, so "
                "they kept missing the target.",
            )),
            (R, (
                "{Uh,} we ended the contract after a year and moved to another partner.",
            )),
        ),
        red_flags=(
            ("external_factors", "Fuel prices were going up and there was a shortage of drivers"),
            ("ownership", None),
            ("no_learning", None),
            ("no_change", None),
        ),
        traps=(("so", "so they kept missing the target"),),
        features=("we_heavy", "numbers"),
    ),
    Answer(
        name="c_flag_argument_won",
        question_id="conflict-disagreed-with-colleague",
        description="A disagreement won by pressure, blaming the colleague; run-on, no change.",
        names_parts=False,
        sections=(
            (S, (
                "A colleague in marketing wanted to change our newsletter design, and I thought "
                "it was a terrible idea, and she had no data at all to back it up.",
            )),
            (T, (
                "I wanted to stop it before it went to the director.",
            )),
            (A, (
                "I raised it in every meeting, and I got two other people on my side before the "
                "vote.",
                "She didn't really understand our readers, to be honest.",
            )),
            (R, (
                "We kept the old design.",
                "I learned that you have to fight for what you believe in.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "She didn't really understand our readers"),
            ("no_change", None),
        ),
        features=("run_on", "short"),
    ),
    Answer(
        name="c_flag_stakeholder_blame",
        question_id="conflict-difficult-stakeholder",
        description="Difficult stakeholder painted as the villain; humble brag, lesson "
        "without change; filled pauses.",
        names_parts=False,
        sections=(
            (S, (
                "{Um,} I was running the rollout of a new booking system for a group of dental "
                "practices, and one of the practice owners hated it from day one.",
            )),
            (T, (
                "I needed every practice live by the end of March.",
            )),
            (A, (
                "He was just one of those people who hates any change, and he was rude to my "
                "trainers.",
                "I'm probably too patient for my own good, so I kept offering him more "
                "training.",
                "{Uh,} in the end his practice went live last, in May.",
            )),
            (R, (
                "The other practices were live on time.",
                "I learned that you can't please everyone.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "He was just one of those people who hates any change"),
            ("humble_brag", "I'm probably too patient for my own good"),
            ("no_change", None),
        ),
        traps=(("so", "so I kept offering him"),),
        features=("fillers",),
    ),
    Answer(
        name="c_shared_kitchen",
        question_id="conflict-mediated-teammates",
        description="Restaurant owner mediating two chefs; implicit, comes back to action "
        "after a first result, lexical filler.",
        names_parts=False,
        sections=(
            (S, (
                "I own a small restaurant, and my two chefs kept arguing about who cleaned the "
                "shared prep station at the end of the night.",
            )),
            (T, (
                "I needed them to sort it out between themselves, because I couldn't be in the "
                "kitchen every night.",
            )),
            (A, (
                "I sat down with both of them after service and asked each one to describe a "
                "normal closing shift.",
                "They each thought the other left first.",
                "We wrote a closing list together and split it down the middle.",
            )),
            (R, (
                "It worked for about a month, and then the arguments started again.",
            )),
            (A, (
                "{Basically,} the list didn't say who covers when one of them is off, so I added "
                "a line for that and put it on the fridge.",
            )),
            (R, (
                "That was two years ago, and they've closed together without a fight since.",
                "I learned that an agreement needs to cover the awkward days, not just the "
                "normal ones.",
                "Now every rule I write for the kitchen says what happens when someone is off.",
            )),
        ),
        strengths=(
            ("learning", "I learned that an agreement needs to cover"),
            ("change", "Now every rule I write for the kitchen"),
        ),
        traps=(("so", "so I added a line"),),
        features=("returns", "fillers"),
    ),
)
