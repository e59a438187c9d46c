# Service levels and low ratings (issue 30 items 2 and 3)
rating-low-alert = ⚠️ Penilaian rendah: warga memberi nilai { $rating } dari 5 untuk jawaban tiket #{ $id } (Kelurahan { $kelurahan }), dijawab oleh { $officer }.
    Pertanyaan: "{ $question }"
    Jawaban: "{ $answer }"
rating-low-no-officer = (tidak diketahui)
rating-low-nothing = (tanpa kata)
rating-low-no-answer = (belum ada jawaban petugas)
