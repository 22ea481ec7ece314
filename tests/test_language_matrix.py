"""Every language through the whole path: two outlets' reports of one event, in each language
the bot has rules for (``language.NAMES``) and in a sample of languages without rules, are
stored, processed (language, story, summary, allegations), then read as users read them:
/latest, /story, /allegations, /search, a digest filtered by a keyword of the language, and
``newsbot latest``/``story``/``search``. The first Polish article once stopped every
processing pass: no test had put one through clustering."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot import replies
from bot.cli import newsbot as cli
from bot.i18n import LANGUAGES, translator
from bot.render import render_chat_digest, render_digest, render_ledger, render_search, render_story
from bot.telegram_html import check_message
from digests import delivery, language, process, read, store
from digests.models import ArticleIn, Subscription

EN = translator("en")


@dataclass(frozen=True)
class Event:
    """Two outlets' reports of one event, a word to search for and one to filter a digest by."""

    first: tuple[str, str]  # title, text
    second: tuple[str, str]
    search: str
    keyword: str


EVENTS: dict[str, Event] = {
    "cs": Event(
        (
            "Povodně zaplavily Olomouc",
            "Povodně zasáhly v pondělí Olomouc a okolní obce. Starosta Jan Novák uvedl, že z domovů muselo odejít 1200 lidí. Hasiči stavěli protipovodňové zábrany celou noc. Voda by měla opadnout ve čtvrtek.",
        ),
        (
            "Z Olomouce evakuovali 1200 lidí",
            "Kvůli povodním muselo v Olomouci opustit domovy 1200 lidí, řekl starosta Jan Novák. Hasiči v noci stavěli zábrany podél řeky. Podle meteorologů voda opadne ve čtvrtek.",
        ),
        "Olomouc",
        "povodně",
    ),
    "da": Event(
        (
            "Storm lukker broer i Aarhus",
            "En kraftig storm lukkede mandag to broer i Aarhus. Borgmester Anders Jensen sagde, at 4000 husstande mistede strømmen. Politiet opfordrer bilister til at blive hjemme. Stormen ventes at aftage i aften.",
        ),
        (
            "4000 husstande uden strøm i Aarhus",
            "Stormen over Aarhus har efterladt 4000 husstande uden strøm, siger borgmester Anders Jensen. To broer er lukket, og politiet beder bilister blive hjemme. Vinden ventes at aftage i aften.",
        ),
        "Aarhus",
        "stormen",
    ),
    "de": Event(
        (
            "Brand in Hamburger Hafen",
            "Ein Großbrand im Hamburger Hafen hat am Montag 300 Container zerstört. Feuerwehrchef Klaus Berger sagte, das Feuer sei unter Kontrolle. Die Gewerkschaft warf dem Hafenbetreiber vor, Sicherheitsvorschriften missachtet zu haben. Die Polizei ermittelt.",
        ),
        (
            "300 Container in Hamburg verbrannt",
            "Im Hamburger Hafen sind bei einem Großbrand 300 Container verbrannt, teilte Feuerwehrchef Klaus Berger mit. Das Feuer sei inzwischen unter Kontrolle. Die Gewerkschaft wirft dem Hafenbetreiber vor, die Sicherheitsvorschriften missachtet zu haben.",
        ),
        "Hamburg",
        "Großbrand",
    ),
    "el": Event(
        (
            "Σεισμός 5,8 Ρίχτερ στην Κρήτη",
            "Ισχυρός σεισμός 5,8 Ρίχτερ έπληξε την Κρήτη τη Δευτέρα το πρωί. Ο δήμαρχος Νίκος Παπαδάκης είπε ότι δεν υπάρχουν τραυματίες. Οι αρχές ελέγχουν τα σχολεία του νησιού.",
        ),
        (
            "Χωρίς τραυματίες ο σεισμός στην Κρήτη",
            "Ο σεισμός 5,8 Ρίχτερ που έπληξε την Κρήτη δεν προκάλεσε τραυματισμούς, δήλωσε ο δήμαρχος Νίκος Παπαδάκης. Οι αρχές ελέγχουν τα σχολεία του νησιού. Οι σεισμολόγοι προειδοποιούν για μετασεισμούς.",
        ),
        "Κρήτη",
        "σεισμός",
    ),
    "en": Event(
        (
            "Floods force 1,200 from homes in York",
            "Floods forced 1,200 people from their homes in York on Monday. Council leader Sarah Hughes said the river had risen faster than expected. Firefighters built barriers through the night. Forecasters expect the water to fall by Thursday.",
        ),
        (
            "York evacuates 1,200 as river rises",
            "About 1,200 people left their homes in York as the river rose faster than expected, council leader Sarah Hughes said. Firefighters worked through the night on flood barriers. The water should fall by Thursday, forecasters said.",
        ),
        "York",
        "floods",
    ),
    "es": Event(
        (
            "Incendio en Valencia obliga a desalojar a 800 vecinos",
            "Un incendio forestal obligó el lunes a desalojar a 800 vecinos en Valencia. El alcalde Miguel Torres dijo que el fuego está controlado. La oposición acusó al gobierno regional de recortar el presupuesto de bomberos. Los bomberos siguen trabajando en la zona.",
        ),
        (
            "800 desalojados por el fuego en Valencia",
            "Unos 800 vecinos fueron desalojados en Valencia por un incendio forestal, según el alcalde Miguel Torres. El fuego ya está controlado. La oposición acusó al gobierno regional de recortar el presupuesto de bomberos.",
        ),
        "Valencia",
        "incendio",
    ),
    "fi": Event(
        (
            "Myrsky katkaisi sähköt Tampereella",
            "Voimakas myrsky katkaisi maanantaina sähköt 5000 kotitaloudesta Tampereella. Pormestari Matti Virtanen kertoi, että korjaustyöt jatkuvat yön yli. Poliisi kehottaa autoilijoita välttämään matkustamista.",
        ),
        (
            "5000 kotitaloutta ilman sähköä Tampereella",
            "Myrskyn jälkeen 5000 kotitaloutta on ilman sähköä Tampereella, kertoi pormestari Matti Virtanen. Korjaustyöt jatkuvat yön yli. Poliisi kehottaa autoilijoita välttämään matkustamista.",
        ),
        "Tampereella",
        "myrsky",
    ),
    "fr": Event(
        (
            "Grève à Marseille : 200 bus à l'arrêt",
            "Une grève a immobilisé lundi 200 bus à Marseille. Le maire Pierre Dubois a appelé les syndicats à reprendre le dialogue. Les syndicats accusent la direction de ne pas respecter l'accord salarial. Le trafic reste très perturbé.",
        ),
        (
            "Marseille : 200 bus bloqués par la grève",
            "À Marseille, 200 bus sont restés au dépôt lundi à cause de la grève. Le maire Pierre Dubois demande la reprise du dialogue. Les syndicats accusent la direction de ne pas respecter l'accord salarial.",
        ),
        "Marseille",
        "grève",
    ),
    "it": Event(
        (
            "Alluvione a Bologna, 900 sfollati",
            "Un'alluvione ha costretto lunedì 900 persone a lasciare le case a Bologna. Il sindaco Marco Rossi ha detto che il fiume è salito in poche ore. I vigili del fuoco hanno lavorato tutta la notte.",
        ),
        (
            "Bologna, 900 sfollati per l'alluvione",
            "Sono 900 gli sfollati a Bologna dopo l'alluvione, secondo il sindaco Marco Rossi. Il fiume è salito in poche ore. I vigili del fuoco hanno lavorato tutta la notte sugli argini.",
        ),
        "Bologna",
        "alluvione",
    ),
    "nl": Event(
        (
            "Storm sluit haven van Rotterdam",
            "Een zware storm heeft maandag de haven van Rotterdam gesloten. Burgemeester Pieter de Vries zei dat 150 schepen moeten wachten. De kustwacht raadt schippers aan binnen te blijven.",
        ),
        (
            "150 schepen wachten voor Rotterdam",
            "Door de storm moeten 150 schepen wachten voor de haven van Rotterdam, zei burgemeester Pieter de Vries. De haven blijft gesloten tot de wind gaat liggen. De kustwacht raadt schippers aan binnen te blijven.",
        ),
        "Rotterdam",
        "storm",
    ),
    "no": Event(
        (
            "Ras stenger veien til Bergen",
            "Et stort ras stengte mandag riksveien inn til Bergen. Ordfører Kari Hansen sa at 300 biler satt fast i flere timer. Statens vegvesen venter at veien åpner igjen onsdag.",
        ),
        (
            "300 biler sto fast etter ras ved Bergen",
            "Etter raset ved Bergen satt 300 biler fast i flere timer, opplyser ordfører Kari Hansen. Riksveien er fortsatt stengt. Statens vegvesen venter at veien åpner igjen onsdag.",
        ),
        "Bergen",
        "raset",
    ),
    "pl": Event(
        (
            "Rolnicy protestują w Warszawie",
            "Premier ogłosił w Warszawie nowy plan dla rolników. Rząd przeznaczy na niego dwa miliardy złotych. Rolnicy pod wodzą Jana Kowalskiego protestowali od tygodni przed Sejmem.",
        ),
        (
            "Dwa miliardy złotych dla rolników",
            "Rząd przeznaczy dwa miliardy złotych na plan dla rolników, ogłosił premier w Warszawie. Rolnicy pod wodzą Jana Kowalskiego protestowali od tygodni przed Sejmem. Protest ma się zakończyć w piątek.",
        ),
        "Warszawie",
        "rolników",
    ),
    "pt": Event(
        (
            "Incêndio destrói 40 casas em Coimbra",
            "Um incêndio destruiu 40 casas em Coimbra na segunda-feira. O presidente da câmara, João Silva, disse que não houve feridos. Os bombeiros combateram as chamas durante toda a noite.",
        ),
        (
            "Coimbra: fogo destrói 40 casas",
            "O incêndio que atingiu Coimbra destruiu 40 casas, segundo o presidente da câmara João Silva. Não houve feridos. Os bombeiros combateram as chamas durante a noite.",
        ),
        "Coimbra",
        "incêndio",
    ),
    "ru": Event(
        (
            "Землетрясение на Камчатке",
            "Сильное землетрясение магнитудой 5,8 произошло на Камчатке в понедельник утром. Губернатор Иван Петров сообщил, что пострадавших нет. Оппозиция обвинила губернатора в том, что школы не готовы к землетрясениям. Власти проверяют здания региона.",
        ),
        (
            "На Камчатке проверяют школы после землетрясения",
            "После землетрясения магнитудой 5,8 на Камчатке власти проверяют школы, сообщил губернатор Иван Петров. Пострадавших нет. Оппозиция обвинила губернатора в том, что школы не готовы к землетрясениям.",
        ),
        "Камчатке",
        "землетрясение",
    ),
    "sv": Event(
        (
            "Storm stänger broar i Göteborg",
            "En kraftig storm stängde på måndagen två broar i Göteborg. Kommunalrådet Erik Lindberg sa att 6000 hushåll saknar ström. Polisen uppmanar bilister att stanna hemma.",
        ),
        (
            "6000 hushåll utan ström i Göteborg",
            "Stormen har lämnat 6000 hushåll i Göteborg utan ström, säger kommunalrådet Erik Lindberg. Två broar är stängda. Polisen uppmanar bilister att stanna hemma.",
        ),
        "Göteborg",
        "stormen",
    ),
    "uk": Event(
        (
            "Повінь у Чернівцях",
            "Повінь у понеділок змусила 700 людей залишити домівки в Чернівцях. Мер Олександр Коваленко заявив, що рятувальники працюють цілодобово. Вода має спасти до четверга.",
        ),
        (
            "700 людей евакуювали в Чернівцях",
            "У Чернівцях через повінь евакуювали 700 людей, повідомив мер Олександр Коваленко. Рятувальники працюють цілодобово. Синоптики очікують, що вода спаде до четверга.",
        ),
        "Чернівцях",
        "повінь",
    ),
    # Languages without rules: summaries are lead sentences, split at sentence ends.
    "zh": Event(
        (
            "上海暴雨致三千人撤离",
            "周一，上海遭遇强降雨，三千名居民被紧急撤离。市长李明表示，救援人员正在全力排水。气象部门预计降雨将在周四停止。",
        ),
        (
            "暴雨袭击上海 三千居民撤离",
            "市长李明说，上海周一的暴雨迫使三千名居民撤离。救援人员正在全力排水。气象部门预计降雨将在周四停止。",
        ),
        "上海",
        "暴雨",
    ),
    "ja": Event(
        (
            "大阪で大雨、3000人が避難",
            "月曜日、大阪で記録的な大雨が降り、住民3000人が避難した。市長の田中一郎氏は、救助隊が夜通し活動していると述べた。気象庁は木曜日まで雨が続くと予想している。",
        ),
        (
            "大雨で大阪の3000人避難",
            "大阪で大雨のため住民3000人が避難したと、市長の田中一郎氏が明らかにした。救助隊は夜通し活動している。気象庁は木曜日まで雨が続くと予想している。",
        ),
        "大阪",
        "大雨",
    ),
    "ko": Event(
        (
            "부산에 폭우, 2000명 대피",
            "월요일 부산에 폭우가 쏟아져 주민 2000명이 대피했다. 김민수 시장은 구조대가 밤새 작업하고 있다고 밝혔다. 기상청은 목요일까지 비가 계속될 것으로 예상했다.",
        ),
        (
            "폭우로 부산 주민 2000명 대피",
            "부산에서 폭우로 주민 2000명이 대피했다고 김민수 시장이 밝혔다. 구조대가 밤새 작업하고 있다. 기상청은 목요일까지 비가 계속될 것으로 내다봤다.",
        ),
        "부산",
        "폭우",
    ),
    "ar": Event(
        (
            "فيضانات في الإسكندرية تجبر 1500 شخص على الإخلاء",
            "أجبرت الفيضانات يوم الاثنين 1500 شخص على مغادرة منازلهم في الإسكندرية. وقال المحافظ أحمد حسن إن فرق الإنقاذ تعمل طوال الليل. ومن المتوقع أن تنحسر المياه يوم الخميس.",
        ),
        (
            "إخلاء 1500 شخص بسبب الفيضانات في الإسكندرية",
            "قال المحافظ أحمد حسن إن 1500 شخص غادروا منازلهم في الإسكندرية بسبب الفيضانات. وتعمل فرق الإنقاذ طوال الليل. ويتوقع أن تنحسر المياه يوم الخميس.",
        ),
        "الإسكندرية",
        "الفيضانات",
    ),
    "fa": Event(
        (
            "سیل در شیراز ۱۲۰۰ نفر را آواره کرد",
            "سیل روز دوشنبه ۱۲۰۰ نفر را در شیراز مجبور به ترک خانه‌هایشان کرد. علی رضایی، شهردار شیراز، گفت که امدادگران تمام شب کار می‌کنند. انتظار می‌رود آب تا پنجشنبه فروکش کند.",
        ),
        (
            "تخلیه ۱۲۰۰ نفر در شیراز به دلیل سیل",
            "علی رضایی، شهردار شیراز، گفت ۱۲۰۰ نفر به دلیل سیل خانه‌هایشان را ترک کردند. امدادگران تمام شب کار می‌کنند. انتظار می‌رود آب تا پنجشنبه فروکش کند.",
        ),
        "شیراز",
        "سیل",
    ),
    "he": Event(
        (
            "שיטפון בחיפה: 600 פונו מבתיהם",
            "שיטפון אילץ ביום שני 600 תושבים לעזוב את בתיהם בחיפה. ראש העירייה דוד כהן אמר כי צוותי ההצלה עובדים כל הלילה. המים צפויים לרדת ביום חמישי.",
        ),
        (
            "600 תושבים פונו בחיפה בגלל השיטפון",
            "ראש העירייה דוד כהן אמר כי 600 תושבים פונו מבתיהם בחיפה בגלל השיטפון. צוותי ההצלה עובדים כל הלילה. המים צפויים לרדת ביום חמישי.",
        ),
        "שיטפון",
        "שיטפון",
    ),
    "hi": Event(
        (
            "मुंबई में भारी बारिश, 2500 लोग सुरक्षित स्थानों पर",
            "सोमवार को मुंबई में भारी बारिश के कारण 2500 लोगों को घर छोड़ना पड़ा। महापौर राजेश शर्मा ने कहा कि बचाव दल पूरी रात काम कर रहे हैं। मौसम विभाग ने गुरुवार तक बारिश जारी रहने का अनुमान लगाया है।",
        ),
        (
            "भारी बारिश से मुंबई में 2500 लोग बेघर",
            "महापौर राजेश शर्मा ने बताया कि मुंबई में भारी बारिश से 2500 लोगों को घर छोड़ना पड़ा। बचाव दल पूरी रात काम कर रहे हैं। मौसम विभाग ने गुरुवार तक बारिश का अनुमान लगाया है।",
        ),
        "मुंबई",
        "बारिश",
    ),
    "tr": Event(
        (
            "İzmir'de sel: 1000 kişi tahliye edildi",
            "Pazartesi günü İzmir'de meydana gelen selde 1000 kişi evlerinden tahliye edildi. Belediye Başkanı Mehmet Yılmaz, kurtarma ekiplerinin gece boyunca çalıştığını söyledi. Suların perşembe gününe kadar çekilmesi bekleniyor.",
        ),
        (
            "Sel nedeniyle İzmir'de 1000 kişi evini terk etti",
            "Belediye Başkanı Mehmet Yılmaz, İzmir'deki sel nedeniyle 1000 kişinin tahliye edildiğini açıkladı. Kurtarma ekipleri gece boyunca çalışıyor. Suların perşembe gününe kadar çekilmesi bekleniyor.",
        ),
        "İzmir",
        "sel",
    ),
    "th": Event(
        (
            "น้ำท่วมเชียงใหม่ อพยพ 800 คน",
            "เมื่อวันจันทร์ น้ำท่วมหนักในเชียงใหม่ทำให้ประชาชน 800 คนต้องอพยพออกจากบ้าน นายสมชาย ใจดี ผู้ว่าราชการจังหวัดกล่าวว่าเจ้าหน้าที่กู้ภัยทำงานตลอดคืน คาดว่าน้ำจะลดลงภายในวันพฤหัสบดี",
        ),
        (
            "เชียงใหม่อพยพประชาชน 800 คนหนีน้ำท่วม",
            "นายสมชาย ใจดี ผู้ว่าราชการจังหวัดเชียงใหม่กล่าวว่าประชาชน 800 คนต้องอพยพเพราะน้ำท่วม เจ้าหน้าที่กู้ภัยทำงานตลอดคืน คาดว่าน้ำจะลดลงภายในวันพฤหัสบดี",
        ),
        "เชียงใหม่",
        "น้ำท่วม",
    ),
    "vi": Event(
        (
            "Lũ lụt ở Huế, 1500 người sơ tán",
            "Lũ lụt hôm thứ Hai buộc 1500 người dân ở Huế phải rời khỏi nhà. Chủ tịch thành phố Nguyễn Văn An cho biết lực lượng cứu hộ làm việc suốt đêm. Nước dự kiến sẽ rút vào thứ Năm.",
        ),
        (
            "Huế sơ tán 1500 người vì lũ lụt",
            "Chủ tịch thành phố Nguyễn Văn An cho biết 1500 người dân ở Huế đã phải sơ tán vì lũ lụt. Lực lượng cứu hộ làm việc suốt đêm. Nước dự kiến sẽ rút vào thứ Năm.",
        ),
        "Huế",
        "lụt",
    ),
    "id": Event(
        (
            "Banjir di Semarang, 2000 warga mengungsi",
            "Banjir pada hari Senin memaksa 2000 warga Semarang meninggalkan rumah mereka. Wali kota Budi Santoso mengatakan tim penyelamat bekerja sepanjang malam. Air diperkirakan surut pada hari Kamis.",
        ),
        (
            "2000 warga Semarang mengungsi akibat banjir",
            "Wali kota Budi Santoso mengatakan 2000 warga Semarang mengungsi akibat banjir. Tim penyelamat bekerja sepanjang malam. Air diperkirakan surut pada hari Kamis.",
        ),
        "Semarang",
        "banjir",
    ),
    # A tag no one knows, on a text in a language without rules (Swahili).
    "x-klingon": Event(
        (
            "Mafuriko yaathiri Mombasa",
            "Mafuriko yamewalazimisha watu 900 kuhama makazi yao mjini Mombasa siku ya Jumatatu. Meya Juma Hamisi alisema waokoaji wanafanya kazi usiku kucha. Maji yanatarajiwa kupungua siku ya Alhamisi.",
        ),
        (
            "Watu 900 wahamishwa Mombasa kwa mafuriko",
            "Meya Juma Hamisi alisema watu 900 wamehamishwa mjini Mombasa kwa sababu ya mafuriko. Waokoaji wanafanya kazi usiku kucha. Maji yanatarajiwa kupungua siku ya Alhamisi.",
        ),
        "Mombasa",
        "mafuriko",
    ),
}
WITH_RULES = sorted(language.NAMES)
LEDGER = ("de", "es", "fr", "ru")  # languages with allegation cues; each event accuses someone


def test_the_matrix_covers_every_language_with_rules() -> None:
    assert set(WITH_RULES) <= set(EVENTS)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def _check_html(texts: list[str]) -> str:
    """Check every message as sendMessage would; return their plain text joined."""
    assert texts
    return "\n".join(check_message(t).text for t in texts)


@pytest.fixture(params=sorted(EVENTS))
def code(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


def test_two_reports_of_one_event_go_through_the_whole_path(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = EVENTS[code]
    now = store.utcnow()
    path = tmp_path / "newsbot.db"
    db: Database = store.open_db(path)
    items = [
        ArticleIn(
            f"https://{outlet}.example/{code}/flood",
            title,
            text,
            now - timedelta(hours=1),
            language=code,
        )
        for outlet, (title, text) in (("one", event.first), ("two", event.second))
    ]
    store.save_articles(db, None, items[:1], now=now)
    store.save_articles(db, None, items[1:], now=now)

    result = process.process_pending_sync(db, workers=1, now=now)
    assert (result.clustered, result.summarised) == (2, 2)
    [(story_id,)] = {(r["story_id"],) for r in db.query("select story_id from articles")}

    settled = {r["language"] for r in db.query("select language from articles")}
    expected = language.normalise_tag(code)
    if expected is not None:
        assert settled == {expected}

    # Summaries: non-empty, made of the article's own words (no English stop word, stem or
    # lower-cased form an English reading would leave behind).
    for row, (title, text) in zip(
        db.query(
            "select s.summary from summaries s join articles a on a.id = s.article_id order by a.id"
        ),
        (event.first, event.second),
        strict=True,
    ):
        summary = row["summary"]
        assert summary.strip()
        assert _words(summary) <= _words(f"{title} {text}"), summary

    # What a chat sees, rendered in English and in the article's language where the bot speaks it.
    digest = read.latest(db, now=now, limit=5)
    assert [s.story_id for s in digest.stories] == [story_id]
    item = read.story(db, story_id)
    assert item is not None and len(item.sources) == 2
    found = read.search(db, event.search, now=now)
    assert [s.story_id for s in found.stories] == [story_id], event.search
    entries = read.ledger(db, limit=20)
    if code in LEDGER:
        assert entries, "no allegation read from the accusation sentence"
        assert {e.story_id for e in entries} == {story_id}
    sub = Subscription(id=1, chat_id=1, chat_type="private", include=(event.keyword,))
    content = delivery.chat_digest(db, sub, now)
    assert content is not None and [s.story_id for s in content.digest.stories] == [story_id]

    # What a chat sees, in English and in the article's language where the bot speaks it.
    for tr in {EN, translator(code) if code in LANGUAGES else EN}:
        latest = _check_html(render_digest(tr, digest, header=replies.latest_header(tr)))
        assert event.first[0] in latest or event.second[0] in latest
        _check_html(render_story(tr, item))
        _check_html(render_search(tr, event.search, found))
        _check_html(render_ledger(tr, entries, title=replies.latest_allegations(tr)))
        _check_html(render_chat_digest(tr, content))
    db.close()

    # The CLI reads the same database (it has articles: no seeding).
    monkeypatch.setenv("DATABASE_PATH", str(path))
    runner = CliRunner()
    for args in (["latest"], ["story", str(story_id)], ["search", event.search]):
        out = runner.invoke(cli, ["--db", str(path), *args], obj={})
        assert out.exit_code == 0, (args, out.output, out.exception)
        assert event.first[0] in out.output or event.second[0] in out.output, out.output


def _processed(db: Database, code: str) -> None:
    event, now = EVENTS[code], store.utcnow()
    items = [
        ArticleIn(f"https://{o}.example/{code}", t, x, now - timedelta(hours=1), language=code)
        for o, (t, x) in (("one", event.first), ("two", event.second))
    ]
    store.save_articles(db, None, items, now=now)
    process.process_pending_sync(db, workers=1, now=now)


def test_hebrew_search_finds_a_place_named_with_a_prefix(db: Database) -> None:
    # Hebrew writes a preposition or article onto the word: "בחיפה" is "in Haifa".
    _processed(db, "he")
    assert read.search(db, "חיפה").stories
    assert read.search(db, "בחיפה").stories  # as written
    assert read.search(db, "לחיפה").stories  # another proclitic: found bare
    assert not read.search(db, "ממשלה").stories


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("حيفا", True),  # "بحيفا": in Haifa
        ("بحيفا", True),
        ("حكومة", True),  # "الحكومة": the government
        ("الحكومة", True),
        ("للحكومة", True),  # "to the government": found bare
        ("مطار", False),  # not in the text
        ("زير", False),  # "وزيرة" is a whole word, never cut to "زير"
    ],
)
def test_arabic_search_finds_words_written_with_a_proclitic(
    db: Database, words: str, found: bool
) -> None:
    now = store.utcnow()
    items = [
        ArticleIn(
            f"https://{outlet}.example/ar",
            title,
            text,
            now - timedelta(hours=1),
            language="ar",
        )
        for outlet, title, text in (
            (
                "one",
                "انفجار في ميناء بحيفا",
                "قالت الحكومة إن انفجارا وقع في الميناء صباح الاثنين. وقالت وزيرة النقل إن فرق"
                " الإطفاء سيطرت على الحريق.",
            ),
            (
                "two",
                "حريق بعد انفجار في ميناء بحيفا",
                "أعلنت الحكومة أن الحريق في الميناء أخمد. وأكدت وزيرة النقل أن الميناء سيفتح غدا.",
            ),
        )
    ]
    store.save_articles(db, None, items, now=now)
    process.process_pending_sync(db, workers=1, now=now)
    assert bool(read.search(db, words, now=now).stories) is found, words
    sub = Subscription(id=1, chat_id=1, chat_type="private", include=(words,))
    assert (delivery.chat_digest(db, sub, now) is not None) is found, words
