package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// placeNames are the names Fyne's file dialog gives the places in its side
// list. Fyne writes them without translation, so the window translates
// them itself.
var placeNames = map[string]string{
	"Home":      "主文件夹",
	"Computer":  "计算机",
	"App Files": "程序文件",
	"Desktop":   "桌面",
	"Documents": "文档",
	"Downloads": "下载",
	"Music":     "音乐",
	"Pictures":  "图片",
	"Videos":    "视频",
}

// translateFileDialog puts the side list of the file dialog on top of c
// into Chinese: it finds the dialog's lists (the pop-up's content is made
// of containers and splits, all reachable through their exported fields)
// and wraps how they draw an item, so that every redraw shows the Chinese
// name.
func translateFileDialog(c fyne.Canvas) {
	pop, ok := c.Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	walkLists(pop.Content, func(l *widget.List) {
		update := l.UpdateItem
		if update == nil {
			return
		}
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			translateLabels(item)
		}
		l.Refresh()
	})
}

// walkLists calls fn for each list in o.
func walkLists(o fyne.CanvasObject, fn func(*widget.List)) {
	switch o := o.(type) {
	case *widget.List:
		fn(o)
	case *fyne.Container:
		for _, c := range o.Objects {
			walkLists(c, fn)
		}
	case *container.Split:
		walkLists(o.Leading, fn)
		walkLists(o.Trailing, fn)
	case *container.Scroll:
		walkLists(o.Content, fn)
	}
}

// translateLabels gives the labels in o their Chinese place names.
func translateLabels(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *widget.Label:
		if zh, ok := placeNames[o.Text]; ok {
			o.SetText(zh)
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			translateLabels(c)
		}
	}
}
