//! The routing canvas and its playback: a `requestAnimationFrame` loop that flies the tokens of
//! the current step to their experts and, while playing, runs the next step. The loop stops
//! when nothing moves, when the tab is hidden and when the canvas is off-screen; with
//! `prefers-reduced-motion: reduce` dots do not fly, steps just redraw.

use super::draw::{draw_routing, Palette};
use super::state::{advance, flight_progress, Layout};
use super::Sim;
use crate::dom::{document, window};
use crate::i18n::tr;
use crate::WidgetEnv;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Frame = Closure<dyn FnMut(f64)>;

fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Speeds offered (steps per second).
const SPEEDS: [(&str, f64); 4] = [("0.5×", 0.5), ("1×", 1.0), ("2×", 2.0), ("4×", 4.0)];

#[component]
pub fn RoutingView(
    sim: Sim,
    playing: RwSignal<bool>,
    selected: RwSignal<Option<usize>>,
    step_once: Callback<()>,
    width: Signal<f64>,
    env: WidgetEnv,
) -> impl IntoView {
    let lang = env.lang;
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let speed = RwSignal::new(1.0f64);
    let reduced = reduced_motion();
    let phase = StoredValue::new(0.0f64);
    let last_ts = StoredValue::new(None::<f64>);
    let running = StoredValue::new(false);
    let visible = StoredValue::new(true);
    let frame_id = StoredValue::new(None::<i32>);
    let pal = StoredValue::new(Palette::read());
    let raf: StoredValue<Option<Frame>, LocalStorage> = StoredValue::new_local(None);

    let redraw = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let p = if reduced {
            1.0
        } else {
            flight_progress(phase.get_value(), speed.get_untracked())
        };
        let palette = pal.get_value();
        let w = width.get_untracked();
        let sel = selected.get_untracked();
        let lang = lang.get_untracked();
        sim.with_untracked(|s| {
            let l = Layout::new(s.config().experts, w);
            draw_routing(&canvas, &l, s.result(), p, sel, &palette, lang);
        });
    };
    let request = move || {
        let f: Option<js_sys::Function> = raf
            .try_with_value(|c| {
                c.as_ref()
                    .map(|c| c.as_ref().unchecked_ref::<js_sys::Function>().clone())
            })
            .flatten();
        if let Some(f) = f {
            frame_id.set_value(window().request_animation_frame(&f).ok());
        }
    };
    let kick = move || {
        if running.try_get_value() == Some(false) {
            running.set_value(true);
            last_ts.set_value(None);
            request();
        }
    };
    raf.set_value(Some(Closure::new(move |ts: f64| {
        if running.try_get_value().is_none() {
            return;
        }
        frame_id.set_value(None);
        if document().hidden() || !visible.get_value() {
            running.set_value(false);
            return;
        }
        let dt = last_ts.get_value().map_or(0.0, |l| ts - l);
        last_ts.set_value(Some(ts));
        let (ph, step, more) = advance(
            phase.get_value(),
            dt,
            speed.get_untracked(),
            playing.get_untracked(),
        );
        phase.set_value(ph);
        if step {
            step_once.run(());
        }
        redraw();
        if more {
            request();
        } else {
            running.set_value(false);
        }
    })));

    // A new step (or a new simulation): fly from the router again.
    Effect::new(move |_| {
        sim.track();
        phase.set_value(0.0);
        kick();
    });
    Effect::new(move |_| {
        if playing.get() {
            kick();
        }
    });
    Effect::new(move |_| {
        env.theme.track();
        pal.set_value(Palette::read());
        width.track();
        selected.track();
        lang.track();
        if canvas_ref.get().is_some() {
            redraw();
        }
    });

    // Pause off-screen and in hidden tabs.
    let on_visible = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let vis = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        visible.set_value(vis);
        if vis {
            kick();
        }
    });
    let observer = web_sys::IntersectionObserver::new(on_visible.as_ref().unchecked_ref()).ok();
    let on_tab = Closure::<dyn Fn()>::new(move || {
        if !document().hidden() {
            kick();
        }
    });
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", on_tab.as_ref().unchecked_ref());
    let keep: StoredValue<_, LocalStorage> = StoredValue::new_local((observer, on_visible, on_tab));
    Effect::new(move |_| {
        if let Some(c) = canvas_ref.get() {
            keep.with_value(|k| {
                if let Some(o) = &k.0 {
                    o.observe(&c);
                }
            });
        }
    });
    on_cleanup(move || {
        if let Some(id) = frame_id.try_get_value().flatten() {
            let _ = window().cancel_animation_frame(id);
        }
        let _ = running.try_set_value(false);
        keep.try_with_value(|k| {
            if let Some(o) = &k.0 {
                o.disconnect();
            }
            let _ = document().remove_event_listener_with_callback(
                "visibilitychange",
                k.2.as_ref().unchecked_ref(),
            );
        });
        raf.try_update_value(|c| *c = None);
    });

    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        " " | "Spacebar" | "p" => {
            ev.prevent_default();
            playing.update(|p| *p = !*p);
        }
        "ArrowRight" | "n" => {
            ev.prevent_default();
            step_once.run(());
        }
        _ => {}
    };
    view! {
        <div class="moe-playback">
            <button type="button" data-action="play" aria-pressed=move || playing.get().to_string()
                on:click=move |_| playing.update(|p| *p = !*p)>
                {move || if playing.get() { lang.get().pick("暂停", "Pause") } else { lang.get().pick("播放", "Play") }}
            </button>
            <button type="button" data-action="step" on:click=move |_| { playing.set(false); step_once.run(()) }>
                {tr(lang, "走一步", "Step")}
            </button>
            <label class="field moe-speed">
                <span>{tr(lang, "速度", "Speed")}</span>
                <select data-control="speed" on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() { speed.set(v) }
                }>
                    {SPEEDS.iter().map(|(name, v)| view! { <option value=v.to_string() selected=*v == 1.0>{*name}</option> }).collect_view()}
                </select>
            </label>
        </div>
        <canvas class="moe-canvas" node_ref=canvas_ref tabindex="0" role="img" data-testid="moe-canvas"
            aria-keyshortcuts="Space ArrowRight"
            aria-label=tr(lang, "路由动画：上方是路由器，每个点是一个 token 的一次分配，飞向它选中的专家；格子越亮负载越高，红色空心方块是因容量被丢弃的分配。聚焦后按空格播放/暂停，→ 走一步。", "Routing animation: the router is on top; each dot is one token-to-expert assignment flying to its expert; brighter cells carry more load; hollow red squares are assignments dropped for capacity. Focus and press Space to play/pause, → to step.")
            on:keydown=on_key></canvas>
    }
}
