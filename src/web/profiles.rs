//! The profile editor: custom report types with their sections, saved in
//! this browser; import and export as JSON.

use super::download::download;
use super::i18n::Lang;
use crate::profile::{Need, SectionSpec};
use crate::Profile;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfilesProps {
    pub custom: Vec<Profile>,
    /// The profile in use, offered as a starting point for a copy.
    pub current: Option<Profile>,
    pub lang: Lang,
    pub on_save: Callback<Vec<Profile>>,
    pub on_use: Callback<String>,
}

fn split_aliases(s: &str) -> Vec<String> {
    s.split(['、', ',', '，', ';', '；', '/', ' '])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn unique_id(custom: &[Profile], base: &str) -> String {
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| custom.iter().all(|p| &p.id != id))
        .unwrap_or_else(|| base.to_string())
}

#[function_component(ProfileEditor)]
pub fn profile_editor(props: &ProfilesProps) -> Html {
    let lang = props.lang;
    let editing = use_state(|| 0usize);
    let error = use_state(|| None::<String>);
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let custom = props.custom.clone();
    let idx = (*editing).min(custom.len().saturating_sub(1));

    // Every edit goes through here: change the edited profile, save all.
    let update = {
        let custom = custom.clone();
        let on_save = props.on_save.clone();
        move |f: Box<dyn Fn(&mut Profile)>| {
            let mut list = custom.clone();
            if let Some(p) = list.get_mut(idx) {
                f(p);
                on_save.emit(list);
            }
        }
    };
    let update = Rc::new(update);

    let add_new = {
        let custom = custom.clone();
        let on_save = props.on_save.clone();
        let editing = editing.clone();
        Callback::from(move |_| {
            let mut list = custom.clone();
            list.push(Profile {
                id: unique_id(&list, "custom"),
                name_zh: "自定义报告类型".into(),
                name_en: "Custom report type".into(),
                lang: "zh".into(),
                cues: Default::default(),
                sections: Vec::new(),
                formulations: Vec::new(),
                formulation_exceptions: Vec::new(),
                dictionary: Default::default(),
            });
            editing.set(list.len() - 1);
            on_save.emit(list);
        })
    };
    let copy_current = props.current.clone().map(|cur| {
        let custom = custom.clone();
        let on_save = props.on_save.clone();
        let editing = editing.clone();
        Callback::from(move |_| {
            let mut list = custom.clone();
            let mut p = cur.clone();
            p.id = unique_id(&list, &cur.id);
            p.name_zh = format!("{}（副本）", cur.name_zh);
            p.name_en = format!("{} (copy)", cur.name_en);
            list.push(p);
            editing.set(list.len() - 1);
            on_save.emit(list);
        })
    });
    let import = {
        let custom = custom.clone();
        let on_save = props.on_save.clone();
        let error = error.clone();
        let editing = editing.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            let file = File::from(file);
            let name = file.name();
            let custom = custom.clone();
            let on_save = on_save.clone();
            let error = error.clone();
            let editing = editing.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |res| {
                let parsed = res
                    .map_err(|e| e.to_string())
                    .and_then(|t| Profile::from_json(&t).map_err(|e| e.0));
                match parsed {
                    Ok(mut p) => {
                        let mut list = custom.clone();
                        if list.iter().any(|q| q.id == p.id) {
                            p.id = unique_id(&list, &p.id);
                        }
                        list.push(p);
                        editing.set(list.len() - 1);
                        error.set(None);
                        on_save.emit(list);
                    }
                    Err(msg) => error.set(Some(format!("{name}：{msg}"))),
                }
            });
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };

    let head = html! {
        <div class="profile-tools">
            <button type="button" data-testid="profile-new" onclick={add_new}>{lang.t("新建类型", "New type")}</button>
            if let Some(copy) = copy_current {
                <button type="button" data-testid="profile-copy" onclick={copy}>{lang.t("复制当前类型", "Copy current type")}</button>
            }
            <label class="file-button">{lang.t("导入 JSON…", "Import JSON…")}
                <input type="file" accept=".json,application/json" data-testid="profile-import" onchange={import} />
            </label>
        </div>
    };
    let err = (*error).clone().map(
        |e| html! { <p class="notice error" role="alert" data-testid="profile-error">{e}</p> },
    );
    let Some(p) = custom.get(idx).cloned() else {
        return html! {
            <section class="profiles-pane" data-testid="profiles">
                {head}{ for err }
                <p class="muted">{lang.t("还没有自定义报告类型。可以新建，或复制当前类型后修改。", "No custom report types yet. Create one, or copy the current type and edit it.")}</p>
            </section>
        };
    };

    let tabs = custom.iter().enumerate().map(|(i, q)| {
        let editing = editing.clone();
        let onclick = Callback::from(move |_| editing.set(i));
        html! { <button type="button" class={classes!("chip", (i == idx).then_some("on"))} {onclick}>{lang.pick(&q.name_zh, &q.name_en).to_string()}</button> }
    });
    let rename = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            update(Box::new(move |p: &mut Profile| {
                p.name_zh = v.clone();
                p.name_en = v.clone();
            }));
        })
    };
    let title_cues = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = split_aliases(&e.target_unchecked_into::<HtmlInputElement>().value());
            update(Box::new(move |p: &mut Profile| p.cues.title = v.clone()));
        })
    };
    let n = p.sections.len();
    let rows = p.sections.iter().enumerate().map(|(si, s)| {
        let set_title = {
            let update = update.clone();
            Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                update(Box::new(move |p: &mut Profile| {
                    if let Some(s) = p.sections.get_mut(si) {
                        s.title = v.clone();
                    }
                }));
            })
        };
        let set_aliases = {
            let update = update.clone();
            Callback::from(move |e: Event| {
                let v = split_aliases(&e.target_unchecked_into::<HtmlInputElement>().value());
                update(Box::new(move |p: &mut Profile| {
                    if let Some(s) = p.sections.get_mut(si) {
                        s.aliases = v.clone();
                    }
                }));
            })
        };
        let set_need = {
            let update = update.clone();
            Callback::from(move |e: Event| {
                let required = e.target_unchecked_into::<HtmlSelectElement>().value() == "required";
                update(Box::new(move |p: &mut Profile| {
                    if let Some(s) = p.sections.get_mut(si) {
                        s.need = if required { Need::Required } else { Need::Recommended };
                    }
                }));
            })
        };
        let mover = |delta: isize| {
            let update = update.clone();
            Callback::from(move |_| {
                update(Box::new(move |p: &mut Profile| {
                    let to = si as isize + delta;
                    if to >= 0 && (to as usize) < p.sections.len() {
                        p.sections.swap(si, to as usize);
                    }
                }))
            })
        };
        let remove = {
            let update = update.clone();
            Callback::from(move |_| {
                update(Box::new(move |p: &mut Profile| {
                    if si < p.sections.len() {
                        p.sections.remove(si);
                    }
                }))
            })
        };
        html! {
            <li class="section-edit" data-testid="section-edit">
                <input type="text" aria-label={lang.t("部分名称", "Section title")} value={s.title.clone()} oninput={set_title} />
                <input type="text" class="aliases" aria-label={lang.t("满足该部分的标题关键词（用、分隔）", "Heading words that satisfy it (separate with 、)")}
                    value={s.aliases.join("、")} onchange={set_aliases} />
                <select aria-label={lang.t("要求", "Requirement")} onchange={set_need}>
                    <option value="required" selected={s.need == Need::Required}>{lang.t("必备", "required")}</option>
                    <option value="recommended" selected={s.need == Need::Recommended}>{lang.t("建议", "recommended")}</option>
                </select>
                <button type="button" aria-label={lang.t("上移", "Move up")} disabled={si == 0} onclick={mover(-1)}>{"↑"}</button>
                <button type="button" aria-label={lang.t("下移", "Move down")} disabled={si + 1 == n} onclick={mover(1)}>{"↓"}</button>
                <button type="button" aria-label={lang.t("删除", "Delete")} onclick={remove}>{"✕"}</button>
            </li>
        }
    });
    let add_section = {
        let update = update.clone();
        Callback::from(move |_| {
            update(Box::new(|p: &mut Profile| {
                let id = (1..)
                    .map(|n| format!("section-{n}"))
                    .find(|id| p.sections.iter().all(|s| &s.id != id))
                    .unwrap_or_default();
                p.sections.push(SectionSpec {
                    id,
                    title: "新部分".into(),
                    title_en: String::new(),
                    aliases: vec!["新部分".into()],
                    statements: Vec::new(),
                    need: Need::Required,
                });
            }))
        })
    };
    let export = {
        let p = p.clone();
        Callback::from(move |_| {
            let json = serde_json::to_string(&p).unwrap_or_default();
            download(&format!("{}.json", p.id), "application/json", &json);
        })
    };
    let use_it = {
        let id = p.id.clone();
        props.on_use.reform(move |_| id.clone())
    };
    let delete = {
        let custom = custom.clone();
        let on_save = props.on_save.clone();
        let editing = editing.clone();
        Callback::from(move |_| {
            let mut list = custom.clone();
            if idx < list.len() {
                list.remove(idx);
            }
            editing.set(0);
            on_save.emit(list);
        })
    };
    html! {
        <section class="profiles-pane" data-testid="profiles" aria-label={lang.t("报告类型", "Report types")}>
            {head}{ for err }
            <div class="chips">{ for tabs }</div>
            <label class="field">{lang.t("名称", "Name")}
                <input type="text" data-testid="profile-name" value={lang.pick(&p.name_zh, &p.name_en).to_string()} oninput={rename} /></label>
            <label class="field">{lang.t("标题关键词（用于自动识别）", "Title words (for detection)")}
                <input type="text" value={p.cues.title.join("、")} oninput={title_cues} /></label>
            <ol class="sections-edit">{ for rows }</ol>
            <div class="profile-tools">
                <button type="button" data-testid="section-add" onclick={add_section}>{lang.t("添加部分", "Add section")}</button>
                <button type="button" class="primary" data-testid="profile-use" onclick={use_it}>{lang.t("用此类型检查", "Check with this type")}</button>
                <button type="button" data-testid="profile-export" onclick={export}>{lang.t("导出 JSON", "Export JSON")}</button>
                <button type="button" class="danger" onclick={delete}>{lang.t("删除此类型", "Delete this type")}</button>
            </div>
        </section>
    }
}
