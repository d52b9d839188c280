package main

import "errors"

// openWindow opens the desktop window.
func openWindow() (int, error) {
	return 2, errors.New("窗口界面尚未完成；请使用子命令，见 replydesk help")
}
