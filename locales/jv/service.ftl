# Service levels and low ratings (issue 30 items 2 and 3)
rating-low-alert = ⚠️ Biji andhap: warga paring biji { $rating } saking 5 kagem wangsulan tiket #{ $id } (Kelurahan { $kelurahan }), dipun wangsuli { $officer }.
    Pitakenan: "{ $question }"
    Wangsulan: "{ $answer }"
rating-low-no-officer = (boten dipun mangertosi)
rating-low-nothing = (tanpa tembung)
rating-low-no-answer = (dereng wonten wangsulan petugas)
