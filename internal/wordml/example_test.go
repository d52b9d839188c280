package wordml_test

import (
	"fmt"
	"log"

	"replydesk/internal/wordml"
)

func ExampleReadFile() {
	d, err := wordml.ReadFile("testdata/reply-letter.docx")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("页眉:", d.Header)
	for _, b := range d.Blocks[4:9] {
		fmt.Printf("%-8s %-6s %q\n", b.StyleName, b.Align, b.Text)
	}
	// Output:
	// 页眉: 某某市交通运输局
	// Title    center "关于市政协十三届二次会议\n第244号提案的答复"
	//          left   "王某某委员："
	//          both   "    您提出的《关于缓解城区交通拥堵的提案》收悉，现答复如下："
	// heading 1 both   "一、关于交通拥堵治理"
	// heading 2 both   "（一）优化信号配时。今年已完成42处路口改造。"
}
